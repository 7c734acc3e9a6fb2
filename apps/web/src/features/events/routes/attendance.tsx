// Attendance at the door, made for a phone: one large switch per registered person, each saved at once.
import { Alert, Anchor, Card, Group, Loader, Stack, Switch, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorState, PageLoader } from '../../../components/page-state';
import { useFormat } from '../../../lib/format';
import { useNow } from '../../../lib/use-now';
import { type Registration, useEvent, useRecordAttendance, useRegistrations } from '../api/events';
import { participantName } from '../components/participant-name';

export function AttendanceRoute() {
  const { eventId = '' } = useParams();
  const { t } = useTranslation();
  const fmt = useFormat();
  const event = useEvent(eventId);
  const registrations = useRegistrations(eventId, 'registered');
  const now = useNow(5_000);
  if (event.isPending || registrations.isPending) return <PageLoader />;
  if (event.isError) return <ErrorState error={event.error} onRetry={() => void event.refetch()} />;
  if (registrations.isError) return <ErrorState error={registrations.error} onRetry={() => void registrations.refetch()} />;
  const e = event.data;
  const items = registrations.data.items;
  const present = items.filter((r) => r.attendance?.attended).length;
  const notStarted = new Date(e.startsAt).getTime() > now;
  return (
    <Stack maw={560} mx="auto">
      <Anchor component={Link} to={`/events/${e.id}`} size="sm">
        ← {t('attendance.back')}
      </Anchor>
      <Title order={1} size="h2">
        {t('attendance.title')}: {e.title}
      </Title>
      <Text size="sm">{fmt.dateTime(e.startsAt)}</Text>
      {notStarted ? (
        <Alert color="yellow" title={t('attendance.notStarted', { startsAt: fmt.dateTime(e.startsAt) })} />
      ) : (
        <Text>{t('attendance.intro')}</Text>
      )}
      <Text fw={600} aria-live="polite">
        {t('attendance.present', { count: present, total: items.length })}
      </Text>
      {items.length === 0 ? (
        <Text>{t('attendance.none')}</Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((r) => (
            <li key={r.id}>
              <AttendanceRow eventId={e.id} registration={r} disabled={notStarted} />
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function AttendanceRow({ eventId, registration, disabled }: { eventId: string; registration: Registration; disabled: boolean }) {
  const { t } = useTranslation();
  const record = useRecordAttendance(eventId);
  // Shown at once; the list refreshes from the service after each save.
  const [optimistic, setOptimistic] = useState<boolean>();
  const attended = optimistic ?? registration.attendance?.attended ?? false;
  const name = participantName(registration, t);
  return (
    <Card withBorder padding="sm">
      <Group justify="space-between" wrap="nowrap">
        <Switch
          size="lg"
          label={name}
          checked={attended}
          disabled={disabled || record.isPending}
          onChange={(ev) => {
            const value = ev.currentTarget.checked;
            setOptimistic(value);
            record.mutate({ registrationId: registration.id, attended: value }, { onSettled: () => setOptimistic(undefined) });
          }}
          aria-describedby={`att-${registration.id}`}
        />
        <Text size="sm" id={`att-${registration.id}`} c={attended ? 'var(--globac-ok)' : 'dimmed'}>
          {record.isPending ? <Loader size="xs" aria-label={t('attendance.saving')} /> : attended ? t('attendance.attended') : ''}
        </Text>
      </Group>
      {record.isError && <ErrorState error={record.error} />}
    </Card>
  );
}
