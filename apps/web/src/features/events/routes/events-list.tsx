import { Anchor, Badge, Button, Group, NativeSelect, SimpleGrid, Stack, Table, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PagedTable } from '../../../components/paged-table';
import { localInputToIso, TIME_ZONE, useFormat } from '../../../lib/format';
import { canManage, useSession } from '../../../lib/session';
import { useListFilters } from '../../../lib/use-list-filters';
import { type EventKind, type EventListQuery, type EventTopic, useEvents } from '../api/events';
import { KINDS, TOPICS } from '../vocabulary';

const PAGE_SIZE = 20;

function todayInSweden(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

export function EventsListRoute() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const session = useSession();
  const { params, update } = useListFilters(['startsFrom']);
  // Upcoming events by default (from today); clearing the date (`startsFrom=` in the address) lists all.
  const startsFrom = params.has('startsFrom') ? (params.get('startsFrom') ?? '') : todayInSweden();
  const query: EventListQuery = {
    page: Number(params.get('page')) || 1,
    pageSize: PAGE_SIZE,
    kind: (params.get('kind') as EventKind) || undefined,
    topic: (params.get('topic') as EventTopic) || undefined,
    status: (params.get('status') as 'scheduled' | 'cancelled') || undefined,
    startsFrom: startsFrom ? localInputToIso(`${startsFrom}T00:00`) : undefined,
  };
  const events = useEvents(query);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('events.title')}</Title>
        {canManage(session) && (
          <Button component={Link} to="/events/new">
            {t('events.schedule')}
          </Button>
        )}
      </Group>
      <form role="search" aria-label={t('app.filters')} onSubmit={(e) => e.preventDefault()}>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          <NativeSelect label={t('events.kind')} value={query.kind ?? ''} onChange={(e) => update('kind', e.currentTarget.value)} data={[{ value: '', label: t('app.all') }, ...KINDS.map((k) => ({ value: k, label: t(`events.kinds.${k}`) }))]} />
          <NativeSelect label={t('events.topic')} value={query.topic ?? ''} onChange={(e) => update('topic', e.currentTarget.value)} data={[{ value: '', label: t('app.all') }, ...TOPICS.map((k) => ({ value: k, label: t(`events.topics.${k}`) }))]} />
          <NativeSelect
            label={t('events.status')}
            value={query.status ?? ''}
            onChange={(e) => update('status', e.currentTarget.value)}
            data={[
              { value: '', label: t('app.all') },
              { value: 'scheduled', label: t('events.statuses.scheduled') },
              { value: 'cancelled', label: t('events.statuses.cancelled') },
            ]}
          />
          <TextInput label={t('events.startsFrom')} type="date" value={startsFrom} onChange={(e) => update('startsFrom', e.currentTarget.value)} />
        </SimpleGrid>
      </form>
      <PagedTable
        query={events}
        label={t('events.title')}
        columns={[t('events.eventTitle'), t('events.kind'), t('events.startsAt'), t('events.location'), t('events.seats')]}
        minWidth={640}
        rowKey={(e) => e.id}
        cells={(e) => (
          <>
            <Table.Td>
              <Anchor component={Link} to={`/events/${e.id}`}>
                {e.title}
              </Anchor>{' '}
              {e.status === 'cancelled' && <Badge color="red.9">{t('events.statuses.cancelled')}</Badge>}
            </Table.Td>
            <Table.Td>{t(`events.kinds.${e.kind}`)}</Table.Td>
            <Table.Td>{fmt.dateTime(e.startsAt)}</Table.Td>
            <Table.Td>
              {e.location.city}, {e.location.country}
            </Table.Td>
            <Table.Td>
              {fmt.number(e.seats.registered)}
              {e.capacity !== null ? ` / ${fmt.number(e.capacity)}` : ''}
              {e.seats.waitlisted ? ` (+${fmt.number(e.seats.waitlisted)})` : ''}
            </Table.Td>
          </>
        )}
        onPage={(p) => update('page', String(p))}
      />
    </Stack>
  );
}
