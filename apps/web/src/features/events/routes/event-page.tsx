import { Alert, Badge, Button, Card, Group, Modal, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { ErrorState, PageLoader } from '../../../components/page-state';
import { ApiError } from '../../../lib/api-client';
import { useFormat } from '../../../lib/format';
import { useNow } from '../../../lib/use-now';
import { canManage, useSession } from '../../../lib/session';
import { type Registration, useCancelEvent, useCancelRegistration, useEvent, useRegistrations } from '../api/events';
import { participantName } from '../components/participant-name';
import { RegisterParticipantForm } from '../components/register-participant-form';

export function EventRoute() {
  const { eventId = '' } = useParams();
  const { t } = useTranslation();
  const fmt = useFormat();
  const session = useSession();
  const location = useLocation();
  const event = useEvent(eventId);
  const manage = canManage(session);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const cancelEvent = useCancelEvent(eventId);
  const now = useNow();

  if (event.isPending) return <PageLoader />;
  if (event.isError) {
    if (event.error instanceof ApiError && event.error.status === 404) return <Alert color="yellow" title={t('events.notFound')} />;
    return <ErrorState error={event.error} onRetry={() => void event.refetch()} />;
  }
  const e = event.data;
  const started = new Date(e.startsAt).getTime() <= now;
  const companyUser = session?.roles.includes('company') && !manage ? session.companyId : undefined;
  const facts: [string, string][] = [
    [t('events.kind'), t(`events.kinds.${e.kind}`)],
    [t('events.topic'), t(`events.topics.${e.topic}`)],
    [t('events.startsAt'), fmt.dateTime(e.startsAt)],
    [t('events.endsAt'), fmt.dateTime(e.endsAt)],
    [t('events.location'), `${e.location.city}, ${e.location.country}`],
    [t('events.capacity'), e.capacity === null ? t('events.unlimited') : fmt.number(e.capacity)],
    ...(e.registrationClosesAt ? ([[t('events.registrationClosesAt'), fmt.dateTime(e.registrationClosesAt)]] as [string, string][]) : []),
    ...(e.targetCountry ? ([[t('events.targetCountry'), e.targetCountry]] as [string, string][]) : []),
    ...(e.financiers.length ? ([[t('events.financiers'), e.financiers.map((f) => t(`events.financierNames.${f}`)).join(', ')]] as [string, string][]) : []),
  ];
  return (
    <Stack gap="lg">
      {(location.state as { notice?: string } | null)?.notice === 'scheduled' && <Alert color="green" role="status" title={t('events.scheduled')} />}
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1}>{e.title}</Title>
          <Group gap="xs">
            {e.status === 'cancelled' ? <Badge color="red.9">{t('events.statuses.cancelled')}</Badge> : <Badge color="blue.9">{t('events.statuses.scheduled')}</Badge>}
            <Text size="sm">
              {t('events.seatsSummary', { registered: fmt.number(e.seats.registered), waitlisted: fmt.number(e.seats.waitlisted) })}
              {e.seats.available !== null && ` · ${t('events.available', { count: e.seats.available, formatted: fmt.number(e.seats.available) })}`}
            </Text>
          </Group>
        </Stack>
        {manage && e.status === 'scheduled' && (
          <Group>
            <Button component={Link} to={`/events/${e.id}/attendance`} size="md">
              {t('attendance.open')}
            </Button>
            <Button variant="outline" color="red" onClick={() => setConfirmCancel(true)}>
              {t('events.cancelEvent')}
            </Button>
          </Group>
        )}
      </Group>
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
      {e.status === 'scheduled' && !started && (manage || companyUser) && (
        <Card withBorder>
          <RegisterParticipantForm eventId={e.id} fixedCompanyId={companyUser} />
        </Card>
      )}
      {manage && (
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          <RegistrationTable eventId={e.id} status="registered" canCancel={!started && e.status === 'scheduled'} />
          <RegistrationTable eventId={e.id} status="waitlisted" canCancel={!started && e.status === 'scheduled'} />
        </SimpleGrid>
      )}
      <Modal opened={confirmCancel} onClose={() => setConfirmCancel(false)} title={t('events.cancelEvent')} closeButtonProps={{ 'aria-label': t('app.close') }}>
        <Stack>
          <Text>{t('events.cancelConfirm')}</Text>
          {cancelEvent.isError && <ErrorState error={cancelEvent.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmCancel(false)}>
              {t('app.cancel')}
            </Button>
            <Button color="red" loading={cancelEvent.isPending} onClick={() => cancelEvent.mutate(undefined, { onSuccess: () => setConfirmCancel(false) })}>
              {t('events.cancelEvent')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function RegistrationTable({ eventId, status, canCancel }: { eventId: string; status: 'registered' | 'waitlisted'; canCancel: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const registrations = useRegistrations(eventId, status);
  const cancel = useCancelRegistration(eventId);
  const [toCancel, setToCancel] = useState<Registration>();
  const titleId = `registrations-${status}`;
  return (
    <Card withBorder component="section" aria-labelledby={titleId}>
      <Title order={2} size="h3" id={titleId} mb="sm">
        {status === 'registered' ? t('registrations.title') : t('registrations.waitlist')}
        {registrations.data ? ` (${fmt.number(registrations.data.total)})` : ''}
      </Title>
      {registrations.isPending ? (
        <PageLoader />
      ) : registrations.isError ? (
        <ErrorState error={registrations.error} onRetry={() => void registrations.refetch()} />
      ) : registrations.data.items.length === 0 ? (
        <Text>{status === 'registered' ? t('registrations.none') : t('registrations.noneWaiting')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={400}>
          <Table aria-labelledby={titleId}>
            <Table.Thead>
              <Table.Tr>
                {status === 'waitlisted' && <Table.Th scope="col">{t('registrations.position')}</Table.Th>}
                <Table.Th scope="col">{t('registrations.participant')}</Table.Th>
                <Table.Th scope="col">{t('registrations.registeredAt')}</Table.Th>
                {status === 'registered' && <Table.Th scope="col">{t('registrations.attendance')}</Table.Th>}
                {canCancel && <Table.Th scope="col">{t('app.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {registrations.data.items.map((r) => (
                <Table.Tr key={r.id}>
                  {status === 'waitlisted' && <Table.Td>{r.waitlistPosition}</Table.Td>}
                  <Table.Td>{participantName(r, t)}</Table.Td>
                  <Table.Td>{fmt.dateTime(r.registeredAt)}</Table.Td>
                  {status === 'registered' && <Table.Td>{r.attendance ? (r.attendance.attended ? t('attendance.attended') : t('app.no')) : t('app.none')}</Table.Td>}
                  {canCancel && (
                    <Table.Td>
                      <Button size="xs" variant="light" color="red" onClick={() => setToCancel(r)} aria-label={`${t('registrations.cancel')}: ${participantName(r, t)}`}>
                        {t('registrations.cancel')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={!!toCancel} onClose={() => setToCancel(undefined)} title={t('registrations.cancel')} closeButtonProps={{ 'aria-label': t('app.close') }}>
        <Stack>
          <Text>{toCancel && t('registrations.cancelConfirm', { name: participantName(toCancel, t) })}</Text>
          {cancel.isError && <ErrorState error={cancel.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setToCancel(undefined)}>
              {t('app.cancel')}
            </Button>
            <Button color="red" loading={cancel.isPending} onClick={() => toCancel && cancel.mutate(toCancel.id, { onSuccess: () => setToCancel(undefined) })}>
              {t('registrations.cancel')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
