// One trip: its facts and state, the transitions staff may make, applications, partner meetings and
// the completion. What each role sees follows the service (docs/trips.md): financiers read without
// write buttons, a company user sees its own company's participation and meetings.
import { Alert, Badge, Button, Card, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { PageLoader } from '../../../components/page-state';
import { ApiError } from '../../../lib/api-client';
import { useFormat } from '../../../lib/format';
import { canManage, useSession } from '../../../lib/session';
import { type Transition, useTransition, useTrip } from '../api/trips';
import { ApplicationsSection, type Viewer } from '../components/applications-section';
import { CompletionSection } from '../components/completion-section';
import { destinationsOf } from '../components/destinations';
import { MeetingsSection } from '../components/meetings-section';
import { TripErrorState } from '../components/trip-error';
import { STATUS_COLOR, TRANSITIONS } from '../vocabulary';

export function TripRoute() {
  const { tripId = '' } = useParams();
  const { t } = useTranslation();
  const fmt = useFormat();
  const session = useSession();
  const location = useLocation();
  const trip = useTrip(tripId);
  const transition = useTransition(tripId);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const manage = canManage(session);
  const viewer: Viewer = { manage, ownCompanyId: !manage && session?.roles.includes('company') ? session.companyId : undefined };

  if (trip.isPending) return <PageLoader />;
  if (trip.isError) {
    if (trip.error instanceof ApiError && trip.error.status === 404) return <Alert color="yellow" title={t('trips.notFound')} />;
    return <TripErrorState error={trip.error} onRetry={() => void trip.refetch()} />;
  }
  const x = trip.data;
  const editable = manage && x.status !== 'completed' && x.status !== 'cancelled';
  const notice = (location.state as { notice?: 'planned' | 'saved' } | null)?.notice;
  const run = (to: Transition) => (to === 'cancel' ? setConfirmCancel(true) : transition.mutate(to));
  const facts: [string, string][] = [
    [t('trips.purpose'), x.purpose],
    [t('trips.destinations'), destinationsOf(x, t)],
    [t('trips.startsOn'), fmt.date(x.startsOn)],
    [t('trips.endsOn'), fmt.date(x.endsOn)],
    [t('trips.applicationClosesOn'), x.applicationClosesOn ? fmt.date(x.applicationClosesOn) : t('trips.applicationClosesDefault')],
    [t('trips.capacity'), x.capacity === null ? t('trips.unlimited') : fmt.number(x.capacity)],
    [t('trips.subsidy'), fmt.sek(x.subsidyPerCompanySek)],
    ...(x.financiers.length ? ([[t('trips.financiers'), x.financiers.map((f) => t(`trips.financierNames.${f}`)).join(', ')]] as [string, string][]) : []),
  ];
  return (
    <Stack gap="lg">
      {notice && <Alert color="green" role="status" title={notice === 'planned' ? t('trips.planned') : t('trips.saved')} />}
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1}>{x.title}</Title>
          <Group gap="xs">
            <Badge color={STATUS_COLOR[x.status]}>{t(`trips.statuses.${x.status}`)}</Badge>
            <Text size="sm">
              {t('trips.placesSummary', { accepted: fmt.number(x.places.accepted) })}
              {x.places.available !== null && ` · ${t('trips.available', { count: x.places.available, formatted: fmt.number(x.places.available) })}`}
            </Text>
          </Group>
        </Stack>
        {manage && (
          <Group>
            {TRANSITIONS[x.status].map((to) => (
              <Button key={to} variant={to === 'cancel' ? 'outline' : 'filled'} color={to === 'cancel' ? 'red' : undefined} loading={transition.isPending && transition.variables === to} onClick={() => run(to)}>
                {t(`trips.transitions.${to}`)}
              </Button>
            ))}
            {editable && (
              <Button variant="default" component={Link} to={`/trips/${x.id}/edit`}>
                {t('trips.edit')}
              </Button>
            )}
          </Group>
        )}
      </Group>
      {transition.isError && !confirmCancel && <TripErrorState error={transition.error} />}
      <Card withBorder>
        <dl className="facts">
          {facts.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </Card>
      <CompletionSection trip={x} viewer={viewer} />
      {x.status !== 'planned' && <ApplicationsSection trip={x} viewer={viewer} />}
      {x.status !== 'planned' && <MeetingsSection trip={x} viewer={viewer} />}
      <Modal opened={confirmCancel} onClose={() => setConfirmCancel(false)} title={t('trips.transitions.cancel')} closeButtonProps={{ 'aria-label': t('app.close') }}>
        <Stack>
          <Text>{t('trips.cancelConfirm')}</Text>
          {transition.isError && <TripErrorState error={transition.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmCancel(false)}>
              {t('app.cancel')}
            </Button>
            <Button color="red" loading={transition.isPending} onClick={() => transition.mutate('cancel', { onSuccess: () => setConfirmCancel(false) })}>
              {t('trips.transitions.cancel')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
