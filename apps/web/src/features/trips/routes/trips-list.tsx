import { Anchor, Badge, Button, Group, NativeSelect, SimpleGrid, Stack, Table, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PagedTable } from '../../../components/paged-table';
import { useFormat } from '../../../lib/format';
import { canManage, useSession } from '../../../lib/session';
import { useListFilters } from '../../../lib/use-list-filters';
import { type TargetRegion, type TripFinancier, type TripListQuery, type TripStatus, useTrips } from '../api/trips';
import { destinationsOf } from '../components/destinations';
import { TripErrorState } from '../components/trip-error';
import { STATUS_COLOR, TARGET_REGIONS, TRIP_FINANCIERS, TRIP_STATUSES } from '../vocabulary';

const PAGE_SIZE = 20;

/** Trips by first day (the service's only order), with its filters and paging, all kept in the address. */
export function TripsListRoute() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const session = useSession();
  const { params, update } = useListFilters();
  const country = (params.get('country') ?? '').toUpperCase();
  const query: TripListQuery = {
    page: Number(params.get('page')) || 1,
    pageSize: PAGE_SIZE,
    status: (params.get('status') as TripStatus) || undefined,
    // A country code is two letters: half-typed ones are not sent (the service would refuse them).
    country: /^[A-Z]{2}$/.test(country) ? country : undefined,
    targetRegion: (params.get('targetRegion') as TargetRegion) || undefined,
    financier: (params.get('financier') as TripFinancier) || undefined,
    startsFrom: params.get('startsFrom') || undefined,
    startsBefore: params.get('startsBefore') || undefined,
  };
  const trips = useTrips(query);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('trips.title')}</Title>
        {canManage(session) && (
          <Button component={Link} to="/trips/new">
            {t('trips.plan')}
          </Button>
        )}
      </Group>
      <form role="search" aria-label={t('app.filters')} onSubmit={(e) => e.preventDefault()}>
        <SimpleGrid cols={{ base: 1, sm: 3, lg: 6 }}>
          <NativeSelect label={t('trips.status')} value={query.status ?? ''} onChange={(e) => update('status', e.currentTarget.value)} data={[{ value: '', label: t('app.all') }, ...TRIP_STATUSES.map((s) => ({ value: s, label: t(`trips.statuses.${s}`) }))]} />
          <TextInput label={t('trips.country')} maxLength={2} value={params.get('country') ?? ''} onChange={(e) => update('country', e.currentTarget.value)} />
          <NativeSelect label={t('trips.targetRegion')} value={query.targetRegion ?? ''} onChange={(e) => update('targetRegion', e.currentTarget.value)} data={[{ value: '', label: t('app.all') }, ...TARGET_REGIONS.map((r) => ({ value: r, label: t(`trips.regions.${r}`) }))]} />
          <NativeSelect label={t('trips.financiers')} value={query.financier ?? ''} onChange={(e) => update('financier', e.currentTarget.value)} data={[{ value: '', label: t('app.all') }, ...TRIP_FINANCIERS.map((f) => ({ value: f, label: t(`trips.financierNames.${f}`) }))]} />
          <TextInput label={t('trips.startsFrom')} type="date" value={query.startsFrom ?? ''} onChange={(e) => update('startsFrom', e.currentTarget.value)} />
          <TextInput label={t('trips.startsBefore')} type="date" value={query.startsBefore ?? ''} onChange={(e) => update('startsBefore', e.currentTarget.value)} />
        </SimpleGrid>
      </form>
      <PagedTable
        query={trips}
        label={t('trips.title')}
        columns={[t('trips.tripTitle'), t('trips.destinations'), t('trips.startsOn'), t('trips.status'), t('trips.places')]}
        minWidth={720}
        rowKey={(trip) => trip.id}
        cells={(trip) => (
          <>
            <Table.Td>
              <Anchor component={Link} to={`/trips/${trip.id}`}>
                {trip.title}
              </Anchor>
            </Table.Td>
            <Table.Td>{destinationsOf(trip, t)}</Table.Td>
            <Table.Td>{t('trips.dates', { from: fmt.date(trip.startsOn), to: fmt.date(trip.endsOn) })}</Table.Td>
            <Table.Td>
              <Badge color={STATUS_COLOR[trip.status]}>{t(`trips.statuses.${trip.status}`)}</Badge>
            </Table.Td>
            <Table.Td>
              {fmt.number(trip.places.accepted)}
              {trip.capacity !== null ? ` / ${fmt.number(trip.capacity)}` : ''}
            </Table.Td>
          </>
        )}
        onPage={(p) => update('page', String(p))}
        errorState={TripErrorState}
      />
    </Stack>
  );
}
