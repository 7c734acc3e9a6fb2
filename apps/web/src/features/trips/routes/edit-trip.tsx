import { Alert, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PageLoader } from '../../../components/page-state';
import { ApiError } from '../../../lib/api-client';
import { useTrip } from '../api/trips';
import { TripErrorState } from '../components/trip-error';
import { TripForm } from '../components/trip-form';

export function EditTripRoute() {
  const { tripId = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const trip = useTrip(tripId);
  if (trip.isPending) return <PageLoader />;
  if (trip.isError) {
    if (trip.error instanceof ApiError && trip.error.status === 404) return <Alert color="yellow" title={t('trips.notFound')} />;
    return <TripErrorState error={trip.error} onRetry={() => void trip.refetch()} />;
  }
  return (
    <Stack>
      <Title order={1}>{t('trips.editTitle', { title: trip.data.title })}</Title>
      <TripForm trip={trip.data} onSaved={(saved) => navigate(`/trips/${saved.id}`, { state: { notice: 'saved' } })} />
    </Stack>
  );
}
