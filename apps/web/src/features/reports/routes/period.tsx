// One frozen period (/reports/periods/:periodId): the report as frozen, and its downloads (the same
// bytes every time).
import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorState, PageLoader } from '../../../components/page-state';
import { ApiError } from '../../../lib/api-client';
import { useFormat } from '../../../lib/format';
import { downloadPeriod, usePeriod } from '../api/reports';
import { DownloadButtons } from '../components/download-buttons';
import { IndicatorsView } from '../components/indicators-view';
import { useLabels } from '../components/labels';

export function PeriodRoute() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const label = useLabels();
  const { periodId = '' } = useParams();
  const period = usePeriod(periodId);
  return (
    <Stack>
      <Anchor component={Link} to="/reports/periods" size="sm">
        ← {t('reports.periods.back')}
      </Anchor>
      {period.isPending ? (
        <PageLoader />
      ) : period.isError ? (
        <>
          <Title order={1}>{t('reports.periods.title')}</Title>
          {period.error instanceof ApiError && (period.error.status === 404 || period.error.status === 400) ? (
            <Text role="alert">{t('reports.periods.notFound')}</Text>
          ) : (
            <ErrorState error={period.error} onRetry={() => void period.refetch()} />
          )}
        </>
      ) : (
        <>
          <Title order={1}>{t('reports.periods.heading', { from: fmt.date(period.data.from), to: fmt.date(period.data.to) })}</Title>
          <Group gap="xl">
            <Text>
              {t('reports.periods.financier')}: {period.data.financier ? label('financier', period.data.financier) : t('reports.periods.financierAll')}
            </Text>
            <Text>
              {t('reports.periods.producedAt')}: {fmt.dateTime(period.data.producedAt)}
            </Text>
            <Text>
              {t('reports.periods.frozenBy')}: {period.data.frozenBy}
            </Text>
          </Group>
          <DownloadButtons what={t('reports.downloads.period')} download={(format) => downloadPeriod(period.data.id, format)} />
          <IndicatorsView report={period.data.report} />
        </>
      )}
    </Stack>
  );
}
