// The indicators dashboard (/reports): period and filters in the address, every figure with its rule,
// charts that drill down to the companies, downloads, the figures' freshness.
import { Anchor, Button, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorState, PageLoader } from '../../../components/page-state';
import { downloadIndicators, useIndicators } from '../api/reports';
import { Freshness } from '../components/freshness';
import { type DrillFilter, IndicatorsView } from '../components/indicators-view';
import { DownloadButtons } from '../components/download-buttons';
import { indicatorsQueryOf, searchOf, thisYear } from '../period';
import { ACTIVITY_KINDS, FINANCIERS, MUNICIPALITIES } from '../vocabulary';
import { useLabels } from '../components/labels';

export function DashboardRoute() {
  const { t } = useTranslation();
  const label = useLabels();
  const [params, setParams] = useSearchParams();
  const query = indicatorsQueryOf(params);
  const indicators = useIndicators(query);

  const update = (changes: Record<string, string>) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );

  const companiesLink = (filter?: { key: DrillFilter; value: string }) =>
    `/reports/companies?${searchOf(query, filter ? { [filter.key]: filter.value } : {})}`;
  const year = thisYear();
  const inverted = query.from > query.to;

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('reports.title')}</Title>
          <Text c="dimmed" size="sm" maw={720}>
            {t('reports.intro')}
          </Text>
        </div>
        <Anchor component={Link} to="/reports/periods">
          {t('reports.periods.link')}
        </Anchor>
      </Group>
      <form role="search" aria-label={t('app.filters')} onSubmit={(e) => e.preventDefault()}>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 5 }}>
          <TextInput type="date" label={t('reports.filters.from')} description={t('reports.filters.periodHint')} value={query.from} onChange={(e) => update({ from: e.currentTarget.value })} />
          <TextInput
            type="date"
            label={t('reports.filters.to')}
            description={t('reports.filters.periodHint')}
            value={query.to}
            onChange={(e) => update({ to: e.currentTarget.value })}
            error={inverted ? t('reports.filters.inverted') : undefined}
          />
          <NativeSelect
            label={t('reports.filters.financier')}
            value={query.financier ?? ''}
            onChange={(e) => update({ financier: e.currentTarget.value })}
            data={[{ value: '', label: t('app.all') }, ...FINANCIERS.map((f) => ({ value: f, label: label('financier', f) }))]}
          />
          <NativeSelect
            label={t('reports.filters.municipality')}
            value={query.municipality ?? ''}
            onChange={(e) => update({ municipality: e.currentTarget.value })}
            data={[{ value: '', label: t('app.all') }, ...MUNICIPALITIES.map((m) => ({ value: m, label: label('municipality', m) }))]}
          />
          <NativeSelect
            label={t('reports.filters.activityKind')}
            value={query.activityKind ?? ''}
            onChange={(e) => update({ activityKind: e.currentTarget.value })}
            data={[{ value: '', label: t('app.all') }, ...ACTIVITY_KINDS.map((k) => ({ value: k, label: label('activityKind', k) }))]}
          />
        </SimpleGrid>
        {(query.from !== year.from || query.to !== year.to) && (
          <Button variant="subtle" size="xs" mt="xs" onClick={() => update({ from: '', to: '' })}>
            {t('reports.filters.thisYear')}
          </Button>
        )}
      </form>
      {inverted ? null : indicators.isPending ? (
        <PageLoader />
      ) : indicators.isError ? (
        <ErrorState error={indicators.error} onRetry={() => void indicators.refetch()} />
      ) : (
        <>
          <DownloadButtons what={t('reports.downloads.indicators')} download={(format) => downloadIndicators(query, format)} />
          <IndicatorsView report={indicators.data} companiesLink={companiesLink} />
        </>
      )}
      <Freshness />
    </Stack>
  );
}
