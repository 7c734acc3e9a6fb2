// How fresh the figures are: per stream the last event counted, its delay and what still waits, and a
// rebuild's progress while one runs (the status is polled faster then).
import { Alert, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/page-state';
import { useFormat } from '../../../lib/format';
import { useReportingStatus } from '../api/reports';

export function Freshness() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const status = useReportingStatus();
  const seconds = (v: number | null) => (v === null ? t('reports.freshness.unknown') : t('reports.freshness.seconds', { value: fmt.number(Math.round(v * 10) / 10) }));
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="freshness-title">
      <Stack gap="xs">
        <Title order={2} size="h4" id="freshness-title">
          {t('reports.freshness.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('reports.freshness.intro')}
        </Text>
        {status.isPending ? null : status.isError ? (
          <ErrorState error={status.error} />
        ) : (
          <>
            {status.data.rebuild?.state === 'running' ? (
              <Alert color="blue" title={t('reports.freshness.rebuild')}>
                <Text size="sm" mb={6}>
                  {t('reports.freshness.rebuildRunning', { replayed: fmt.number(status.data.rebuild.replayed), total: status.data.rebuild.total === null ? '?' : fmt.number(status.data.rebuild.total) })}
                </Text>
                <Progress
                  value={status.data.rebuild.total ? Math.min(100, (100 * status.data.rebuild.replayed) / status.data.rebuild.total) : 0}
                  aria-label={t('reports.freshness.rebuild')}
                />
              </Alert>
            ) : (
              status.data.rebuild && (
                <Text size="sm">
                  {t('reports.freshness.rebuildFinished', {
                    state: t(`reports.freshness.rebuildState.${status.data.rebuild.state}`),
                    at: fmt.dateTime(status.data.rebuild.finishedAt ?? status.data.rebuild.startedAt),
                  })}
                </Text>
              )
            )}
            <Table.ScrollContainer minWidth={520}>
              <Table aria-labelledby="freshness-title">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('reports.freshness.stream')}</Table.Th>
                    <Table.Th scope="col">{t('reports.freshness.appliedAt')}</Table.Th>
                    <Table.Th scope="col">{t('reports.freshness.lastEvent')}</Table.Th>
                    <Table.Th scope="col">{t('reports.freshness.delay')}</Table.Th>
                    <Table.Th scope="col">{t('reports.freshness.pending')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {status.data.streams.map((s) => (
                    <Table.Tr key={s.stream}>
                      <Table.Th scope="row" fw={400}>
                        {t(`reports.freshness.streams.${s.stream}`)}
                      </Table.Th>
                      <Table.Td>{s.lastEvent ? fmt.dateTime(s.lastEvent.appliedAt) : t('reports.freshness.noEvents')}</Table.Td>
                      <Table.Td>
                        {s.lastEvent && (
                          <>
                            <span lang="en">{s.lastEvent.type}</span> ({fmt.dateTime(s.lastEvent.occurredOn)})
                          </>
                        )}
                      </Table.Td>
                      <Table.Td>{s.lastEvent ? seconds(s.lastDelaySeconds) : ''}</Table.Td>
                      <Table.Td>{s.pendingMessages === null ? t('reports.freshness.unknown') : fmt.number(s.pendingMessages)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Text size="xs" c="dimmed">
              {t('reports.freshness.checkedAt', { at: fmt.dateTime(status.data.checkedAt) })}
            </Text>
          </>
        )}
      </Stack>
    </Paper>
  );
}
