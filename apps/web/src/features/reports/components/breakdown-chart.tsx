// A breakdown (`{ key: count }`) as a bar chart, with its table as the text alternative: a screen
// reader always has the table (visually hidden while the chart shows), and "show as table" makes it
// visible, with a link per row to the companies behind it, for keyboard users and anyone who prefers
// numbers. The bars carry their values as text, so nothing depends on colour.
import { Anchor, Button, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../lib/format';
import type { BreakdownRow } from './bar-chart';

const BreakdownBars = lazy(() => import('./bar-chart'));

interface Props {
  id: string;
  title: string;
  rule: string;
  data: Record<string, number>;
  labelOf: (key: string) => string;
  /** The address of the companies behind a bar; absent where the service cannot filter by this breakdown. */
  drill?: (key: string) => string | undefined;
  note?: string;
}

export function BreakdownChart({ id, title, rule, data, labelOf, drill, note }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [asTable, setAsTable] = useState(false);
  const rows: BreakdownRow[] = Object.entries(data)
    .map(([key, count]) => ({ key, label: labelOf(key), count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'sv'));
  const headingId = `chart-${id}-title`;

  const table = (withLinks: boolean) => (
    <Table aria-labelledby={headingId} striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('reports.chart.key')}</Table.Th>
          <Table.Th scope="col" ta="right">
            {t('reports.chart.count')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => {
          const to = withLinks ? drill?.(row.key) : undefined;
          return (
            <Table.Tr key={row.key}>
              <Table.Th scope="row" fw={400}>
                {to ? (
                  <Anchor component={Link} to={to} aria-label={t('reports.chart.open', { label: row.label, count: row.count })}>
                    {row.label}
                  </Anchor>
                ) : (
                  row.label
                )}
              </Table.Th>
              <Table.Td ta="right">{fmt.number(row.count)}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={3} size="h5" id={headingId}>
            {title}
          </Title>
          {rows.some((r) => r.count > 0) && (
            <Button variant="subtle" size="compact-xs" onClick={() => setAsTable((v) => !v)} aria-pressed={asTable}>
              {t('reports.chart.showTable')}
            </Button>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {rule}
        </Text>
        {rows.length === 0 ? (
          <Text size="sm">{t('reports.chart.empty')}</Text>
        ) : asTable || rows.every((r) => r.count === 0) ? (
          // Bars of nothing tell nothing: zeros are shown as numbers.
          table(true)
        ) : (
          <>
            {/* The chart is a picture of the table below it; assistive technology reads the table. */}
            <div aria-hidden="true" data-testid={`chart-${id}`}>
              <Suspense fallback={<div style={{ height: rows.length * 34 + 16 }} />}>
                <BreakdownBars rows={rows} drill={drill} />
              </Suspense>
            </div>
            <VisuallyHidden>{table(false)}</VisuallyHidden>
            {drill ? (
              <Text size="xs" c="dimmed">
                {t('reports.chart.drillHint')}
              </Text>
            ) : (
              note && (
                <Text size="xs" c="dimmed">
                  {note}
                </Text>
              )
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
