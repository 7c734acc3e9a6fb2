import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { ErrorState, PageLoader } from '../../../components/page-state';
import { useFormat } from '../../../lib/format';
import { useSession } from '../../../lib/session';
import { type Trip, useOpenTrips, useOwnApplication } from '../api/my-company';
import { ApplyTripForm } from '../components/apply-trip-form';

/** Trips taking applications, for a company user to apply its own company (the trips screens are staff's). */
export function OpenTripsRoute() {
  const { t } = useTranslation();
  const session = useSession();
  const trips = useOpenTrips();
  if (!session?.companyId) return <Navigate to="/" replace />;
  return (
    <Stack>
      <Title order={1}>{t('myCompany.trips.title')}</Title>
      <Text>{t('myCompany.trips.intro')}</Text>
      {trips.isPending ? (
        <PageLoader />
      ) : trips.isError ? (
        <ErrorState error={trips.error} onRetry={() => void trips.refetch()} />
      ) : trips.data.items.length === 0 ? (
        <Text>{t('myCompany.trips.none')}</Text>
      ) : (
        trips.data.items.map((trip) => <TripCard key={trip.id} trip={trip} companyId={session.companyId ?? ''} />)
      )}
    </Stack>
  );
}

function TripCard({ trip, companyId }: { trip: Trip; companyId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const application = useOwnApplication(trip.id);
  const [applying, setApplying] = useState(false);
  const titleId = `trip-${trip.id}`;
  const own = application.data;
  const canApply = !own || own.status === 'withdrawn' || own.status === 'declined';
  const day = (d: string) => fmt.date(`${d}T12:00:00Z`);
  return (
    <Card withBorder component="section" aria-labelledby={titleId}>
      <Title order={2} size="h3" id={titleId}>
        {trip.title}
      </Title>
      <Text>{trip.purpose}</Text>
      <dl className="facts">
        <div>
          <dt>{t('myCompany.trips.destinations')}</dt>
          <dd>{trip.destinations.map((d) => [d.city, d.country].filter(Boolean).join(', ')).join('; ')}</dd>
        </div>
        <div>
          <dt>{t('myCompany.trips.places')}</dt>
          <dd>
            {trip.capacity === null || trip.places.available === null
              ? t('myCompany.trips.placesUnlimited')
              : t('myCompany.trips.placesLeft', { count: trip.places.available, capacity: trip.capacity })}
          </dd>
        </div>
      </dl>
      <Group gap="xs" mt="xs">
        <Badge variant="outline" color="gray.8">
          {t('myCompany.trips.dates', { from: day(trip.startsOn), to: day(trip.endsOn) })}
        </Badge>
        {trip.applicationClosesOn && (
          <Badge variant="outline" color="gray.8">
            {t('myCompany.trips.applyBy', { day: day(trip.applicationClosesOn) })}
          </Badge>
        )}
        {trip.subsidyPerCompanySek > 0 && (
          <Badge variant="outline" color="gray.8">
            {t('myCompany.trips.subsidy', { amount: fmt.sek(trip.subsidyPerCompanySek) })}
          </Badge>
        )}
      </Group>
      {own && (
        <Alert mt="sm" color={own.status === 'accepted' ? 'green' : 'blue'} role="status" title={t('myCompany.trips.statusTitle')}>
          {t(`myCompany.trips.statuses.${own.status}`)}
        </Alert>
      )}
      {application.isError && <ErrorState error={application.error} />}
      {canApply && !application.isPending && (
        <Stack mt="sm">
          {applying ? (
            <ApplyTripForm trip={trip} companyId={companyId} onApplied={() => setApplying(false)} />
          ) : (
            <Group>
              <Button onClick={() => setApplying(true)} aria-describedby={titleId}>
                {t('myCompany.trips.apply')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Card>
  );
}
