import { Alert, Anchor, Card, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { ErrorState, PageLoader } from '../../../components/page-state';
import { ApiError } from '../../../lib/api-client';
import { useFormat } from '../../../lib/format';
import { useSession } from '../../../lib/session';
import { useActivities, useFigures, useOpenTrips, useOwnCompany, useUpcomingEvents } from '../api/my-company';
import { ActivityTable } from '../components/activity-table';
import { ReportFiguresForm } from '../components/report-figures-form';
import { expectedYears, missingYears } from '../figure-years';

/** A company user's start page: what the programme asks of them, and what they can sign up for. */
export function MyCompanyHomeRoute() {
  const { t } = useTranslation();
  const session = useSession();
  const companyId = session?.companyId ?? '';
  const company = useOwnCompany(companyId);
  if (!companyId) return <Navigate to="/" replace />;
  if (company.isPending) return <PageLoader />;
  if (company.isError) return <ErrorState error={company.error} onRetry={() => void company.refetch()} />;
  const c = company.data;
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{c.name}</Title>
        <Text>{t('myCompany.home.intro')}</Text>
        <Anchor component={Link} to={`/companies/${c.id}`}>
          {t('myCompany.home.companyPage')}
        </Anchor>
      </div>
      <FiguresCard companyId={c.id} registeredAt={c.registeredAt} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <EventsCard />
        <TripsCard />
      </SimpleGrid>
      <HistoryCard companyId={c.id} />
    </Stack>
  );
}

function FiguresCard({ companyId, registeredAt }: { companyId: string; registeredAt: string }) {
  const { t } = useTranslation();
  const figures = useFigures(companyId);
  const years = useMemo(() => expectedYears(registeredAt), [registeredAt]);
  return (
    <Card withBorder component="section" aria-labelledby="my-figures-title">
      <Title order={2} size="h3" id="my-figures-title" mb="xs">
        {t('myCompany.home.figuresTitle')}
      </Title>
      {figures.isPending ? (
        <PageLoader />
      ) : figures.isError ? (
        <ErrorState error={figures.error} onRetry={() => void figures.refetch()} />
      ) : (
        <FiguresStatus companyId={companyId} years={years} missing={missingYears(registeredAt, figures.data.items.map((f) => f.year))} />
      )}
    </Card>
  );
}

function FiguresStatus({ companyId, years, missing }: { companyId: string; years: number[]; missing: number[] }) {
  const { t, i18n } = useTranslation();
  const list = new Intl.ListFormat(i18n.language.startsWith('en') ? 'en-GB' : 'sv-SE', { type: 'conjunction' }).format([...missing].reverse().map(String));
  return (
    <Stack gap="sm">
      {missing.length ? (
        <Alert color="yellow" role="status" title={t('myCompany.home.figuresMissing', { count: missing.length, years: list })} />
      ) : (
        <Alert color="green" role="status" title={t('myCompany.home.figuresComplete')} />
      )}
      <Text size="sm">{t('myCompany.home.figuresWhy')}</Text>
      {/* Not keyed on the missing years: the form (and its "reported" message) stays as the list updates. */}
      <ReportFiguresForm companyId={companyId} years={years} missing={missing} />
    </Stack>
  );
}

function startOfToday(): string {
  const d = new Date();
  d.setHours(0, 0, 0, 0);
  return d.toISOString();
}

function EventsCard() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const from = useMemo(() => startOfToday(), []);
  const events = useUpcomingEvents(from);
  return (
    <Card withBorder component="section" aria-labelledby="my-events-title">
      <Title order={2} size="h3" id="my-events-title" mb="xs">
        {t('myCompany.home.eventsTitle')}
      </Title>
      {events.isPending ? (
        <PageLoader />
      ) : events.isError ? (
        <ErrorState error={events.error} onRetry={() => void events.refetch()} />
      ) : events.data.items.length === 0 ? (
        <Text>{t('myCompany.home.eventsNone')}</Text>
      ) : (
        <>
          <Text size="sm" mb="xs">
            {t('myCompany.home.eventsIntro')}
          </Text>
          <List spacing="xs">
            {events.data.items.map((e) => (
              <List.Item key={e.id}>
                <Anchor component={Link} to={`/events/${e.id}`}>
                  {e.title}
                </Anchor>{' '}
                <Text span size="sm">
                  {fmt.dateTime(e.startsAt)},{' '}
                  {e.seats.available === null ? t('myCompany.home.seatsUnlimited') : e.seats.available > 0 ? t('myCompany.home.seatsLeft', { count: e.seats.available }) : t('myCompany.home.full')}
                </Text>
              </List.Item>
            ))}
          </List>
        </>
      )}
      <Anchor component={Link} to="/events" mt="sm" display="inline-block">
        {t('myCompany.home.eventsAll')}
      </Anchor>
    </Card>
  );
}

function TripsCard() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const trips = useOpenTrips();
  return (
    <Card withBorder component="section" aria-labelledby="my-trips-title">
      <Title order={2} size="h3" id="my-trips-title" mb="xs">
        {t('myCompany.home.tripsTitle')}
      </Title>
      {trips.isPending ? (
        <PageLoader />
      ) : trips.isError ? (
        <ErrorState error={trips.error} onRetry={() => void trips.refetch()} />
      ) : trips.data.items.length === 0 ? (
        <Text>{t('myCompany.home.tripsNone')}</Text>
      ) : (
        <List spacing="xs">
          {trips.data.items.slice(0, 5).map((trip) => (
            <List.Item key={trip.id}>
              {trip.title}{' '}
              <Text span size="sm">
                {fmt.date(`${trip.startsOn}T12:00:00Z`)}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
      <Anchor component={Link} to="/my-company/trips" mt="sm" display="inline-block">
        {t('myCompany.home.tripsAll')}
      </Anchor>
    </Card>
  );
}

function HistoryCard({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const activities = useActivities(companyId, { page: 1, pageSize: 5 });
  // The reporting service learns of a company from its events: a brand-new company is not known there yet.
  const notYet = activities.error instanceof ApiError && activities.error.code === 'COMPANY_NOT_FOUND';
  return (
    <Card withBorder component="section" aria-labelledby="my-history-title">
      <Title order={2} size="h3" id="my-history-title" mb="xs">
        {t('myCompany.home.historyTitle')}
      </Title>
      {activities.isPending ? (
        <PageLoader />
      ) : notYet ? (
        <Text>{t('myCompany.home.historyNone')}</Text>
      ) : activities.isError ? (
        <ErrorState error={activities.error} onRetry={() => void activities.refetch()} />
      ) : activities.data.items.length === 0 ? (
        <Text>{t('myCompany.home.historyNone')}</Text>
      ) : (
        <ActivityTable items={activities.data.items} label={t('myCompany.home.historyTitle')} />
      )}
      <Anchor component={Link} to="/my-company/history" mt="sm" display="inline-block">
        {t('myCompany.home.historyAll')}
      </Anchor>
    </Card>
  );
}
