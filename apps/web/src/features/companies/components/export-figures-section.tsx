import { Alert, Button, Card, NumberInput, SimpleGrid, Table, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../../components/field-errors';
import { ErrorState, PageLoader } from '../../../components/page-state';
import { useFormat } from '../../../lib/format';
import { useExportFigures, useReportExportFigures } from '../api/companies';

export function ExportFiguresSection({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const figures = useExportFigures(companyId);
  return (
    <Card withBorder component="section" aria-labelledby="figures-title">
      <Title order={2} size="h3" id="figures-title" mb="sm">
        {t('exportFigures.title')}
      </Title>
      {figures.isPending ? (
        <PageLoader />
      ) : figures.isError ? (
        <ErrorState error={figures.error} onRetry={() => void figures.refetch()} />
      ) : figures.data.items.length === 0 ? (
        <Text>{t('exportFigures.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table aria-labelledby="figures-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('exportFigures.year')}</Table.Th>
                <Table.Th scope="col" ta="right">{t('exportFigures.totalTurnover')}</Table.Th>
                <Table.Th scope="col" ta="right">{t('exportFigures.exportTurnover')}</Table.Th>
                <Table.Th scope="col">{t('exportFigures.markets')}</Table.Th>
                <Table.Th scope="col">{t('exportFigures.revision')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {figures.data.items.map((f) => (
                <Table.Tr key={f.year}>
                  <Table.Td>{f.year}</Table.Td>
                  <Table.Td ta="right">{fmt.sek(f.totalTurnoverSek)}</Table.Td>
                  <Table.Td ta="right">{fmt.sek(f.exportTurnoverSek)}</Table.Td>
                  <Table.Td>{f.exportMarkets.join(', ') || t('app.none')}</Table.Td>
                  <Table.Td>{f.revision}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ReportFiguresForm companyId={companyId} />
    </Card>
  );
}

export function ReportFiguresForm({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const report = useReportExportFigures(companyId);
  const [year, setYear] = useState<number | ''>(new Date().getFullYear() - 1);
  const [total, setTotal] = useState<number | ''>('');
  const [exported, setExported] = useState<number | ''>('');
  const [markets, setMarkets] = useState('');
  const [missing, setMissing] = useState<Record<string, string>>({});
  const errors = { ...fieldErrorsOf(report.error, t), ...missing };
  // The service names each market by its index (exportMarkets.1); the user typed one field.
  const marketsError = errors['exportMarkets'] ?? Object.entries(errors).find(([k]) => k.startsWith('exportMarkets.'))?.[1];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const m: Record<string, string> = {};
    if (year === '') m['year'] = t('validation.required');
    if (total === '') m['totalTurnoverSek'] = t('validation.required');
    if (exported === '') m['exportTurnoverSek'] = t('validation.required');
    setMissing(m);
    if (Object.keys(m).length) return;
    report.mutate({
      year: Number(year),
      body: {
        totalTurnoverSek: Number(total),
        exportTurnoverSek: Number(exported),
        exportMarkets: markets
          .split(/[\s,;]+/)
          .map((s) => s.trim().toUpperCase())
          .filter(Boolean),
      },
    });
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="report-figures-title">
      <Title order={3} size="h4" id="report-figures-title" mt="lg" mb="xs">
        {t('exportFigures.report')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        <NumberInput label={t('exportFigures.year')} required allowDecimal={false} value={year} onChange={(v) => setYear(typeof v === 'number' ? v : '')} error={errors['year']} />
        <NumberInput label={t('exportFigures.totalTurnover')} required min={0} allowDecimal={false} thousandSeparator=" " value={total} onChange={(v) => setTotal(typeof v === 'number' ? v : '')} error={errors['totalTurnoverSek']} />
        <NumberInput label={t('exportFigures.exportTurnover')} required min={0} allowDecimal={false} thousandSeparator=" " value={exported} onChange={(v) => setExported(typeof v === 'number' ? v : '')} error={errors['exportTurnoverSek']} />
        <TextInput label={t('exportFigures.markets')} description={t('exportFigures.marketsHint')} value={markets} onChange={(e) => setMarkets(e.currentTarget.value)} error={marketsError} />
      </SimpleGrid>
      {report.isError && !Object.keys(fieldErrorsOf(report.error, t)).length && <ErrorState error={report.error} />}
      {report.isSuccess && <Alert color="green" role="status" mt="sm" title={t('exportFigures.reported')} />}
      <Button type="submit" mt="sm" loading={report.isPending}>
        {t('app.save')}
      </Button>
    </form>
  );
}
