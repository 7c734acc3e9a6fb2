import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { TripForm } from '../components/trip-form';

export function PlanTripRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Stack>
      <Title order={1}>{t('trips.plan')}</Title>
      <TripForm onSaved={(trip) => navigate(`/trips/${trip.id}`, { state: { notice: 'planned' } })} />
    </Stack>
  );
}
