import { Anchor, Badge, Button, Group, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorState, PageLoader } from '../../../components/page-state';
import { Pager } from '../../../components/pager';
import { localInputToIso, TIME_ZONE, useFormat } from '../../../lib/format';
import { canManage, useSession } from '../../../lib/session';
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
  const [params, setParams] = useSearchParams();
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
  const update = (key: string, value: string) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (value || key === 'startsFrom') next.set(key, value);
      else next.delete(key);
      if (key !== 'page') next.delete('page');
      return next;
    });

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
      {events.isPending ? (
        <PageLoader />
      ) : events.isError ? (
        <ErrorState error={events.error} onRetry={() => void events.refetch()} />
      ) : events.data.items.length === 0 ? (
        <Text>{t('app.noResults')}</Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={640}>
            <Table striped highlightOnHover aria-label={t('events.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('events.eventTitle')}</Table.Th>
                  <Table.Th scope="col">{t('events.kind')}</Table.Th>
                  <Table.Th scope="col">{t('events.startsAt')}</Table.Th>
                  <Table.Th scope="col">{t('events.location')}</Table.Th>
                  <Table.Th scope="col">{t('events.seats')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {events.data.items.map((e) => (
                  <Table.Tr key={e.id}>
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
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager page={events.data.page} pageSize={events.data.pageSize} total={events.data.total} onChange={(p) => update('page', String(p))} />
        </>
      )}
    </Stack>
  );
}
