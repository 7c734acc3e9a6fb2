import { Alert, Button, NativeSelect, NumberInput, SimpleGrid, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../../components/field-errors';
import { ErrorState } from '../../../components/page-state';
import { useReportFigures } from '../api/my-company';

/**
 * The company user's report of one year's figures: the year is chosen among those the programme asks
 * for, the missing ones first marked as such; a year already reported can be corrected (the service
 * keeps every revision). The service's validation lands on the field it names.
 */
export function ReportFiguresForm({ companyId, years, missing }: { companyId: string; years: number[]; missing: number[] }) {
  const { t } = useTranslation();
  const report = useReportFigures(companyId);
  const [year, setYear] = useState(String(missing[0] ?? years[0] ?? new Date().getFullYear() - 1));
  const [total, setTotal] = useState<number | ''>('');
  const [exported, setExported] = useState<number | ''>('');
  const [markets, setMarkets] = useState('');
  const [required, setRequired] = useState<Record<string, string>>({});
  const serverErrors = fieldErrorsOf(report.error, t);
  const errors = { ...serverErrors, ...required };
  // The service names each market by its index (exportMarkets.1); the user typed them in one field.
  const marketsError = errors['exportMarkets'] ?? Object.entries(errors).find(([k]) => k.startsWith('exportMarkets.'))?.[1];
  const missingSet = new Set(missing);
  const options = [...missing, ...years.filter((y) => !missingSet.has(y))].map((y) => ({
    value: String(y),
    label: missingSet.has(y) ? t('myCompany.figures.yearMissing', { year: y }) : t('myCompany.figures.yearReported', { year: y }),
  }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const m: Record<string, string> = {};
    if (total === '') m['totalTurnoverSek'] = t('validation.required');
    if (exported === '') m['exportTurnoverSek'] = t('validation.required');
    setRequired(m);
    if (Object.keys(m).length) return;
    report.mutate(
      {
        year: Number(year),
        body: {
          totalTurnoverSek: Number(total),
          exportTurnoverSek: Number(exported),
          exportMarkets: markets
            .split(/[\s,;]+/)
            .map((s) => s.trim().toUpperCase())
            .filter(Boolean),
        },
      },
      {
        onSuccess: () => {
          setTotal('');
          setExported('');
          setMarkets('');
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="my-figures-form-title">
      <Title order={3} size="h4" id="my-figures-form-title" mb="xs">
        {t('myCompany.figures.form')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect label={t('myCompany.figures.year')} required value={year} onChange={(e) => setYear(e.currentTarget.value)} data={options} error={errors['year']} />
        <NumberInput label={t('myCompany.figures.total')} required min={0} allowDecimal={false} allowNegative={false} thousandSeparator=" " value={total} onChange={(v) => setTotal(typeof v === 'number' ? v : '')} error={errors['totalTurnoverSek']} />
        <NumberInput label={t('myCompany.figures.exported')} description={t('myCompany.figures.exportedHint')} required min={0} allowDecimal={false} allowNegative={false} thousandSeparator=" " value={exported} onChange={(v) => setExported(typeof v === 'number' ? v : '')} error={errors['exportTurnoverSek']} />
        <TextInput label={t('myCompany.figures.markets')} description={t('myCompany.figures.marketsHint')} value={markets} onChange={(e) => setMarkets(e.currentTarget.value)} error={marketsError} />
      </SimpleGrid>
      {report.isError && !Object.keys(serverErrors).length && <ErrorState error={report.error} />}
      {report.isSuccess && (
        <Alert color="green" role="status" mt="sm" title={t(report.data.revision > 1 ? 'myCompany.figures.corrected' : 'myCompany.figures.reported', { year: report.data.year })} />
      )}
      <Button type="submit" mt="sm" loading={report.isPending}>
        {t('myCompany.figures.submit')}
      </Button>
    </form>
  );
}
