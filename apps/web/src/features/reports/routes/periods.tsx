// Frozen periods (/reports/periods): the list (newest first, as the service gives it), and for staff and
// admins a form to freeze one. Financiers read and download.
import { Alert, Anchor, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { fieldErrorsOf } from '../../../components/field-errors';
import { ErrorState, PageLoader } from '../../../components/page-state';
import { Pager } from '../../../components/pager';
import { ApiError } from '../../../lib/api-client';
import { useFormat } from '../../../lib/format';
import { canManage, useSession } from '../../../lib/session';
import { useFreezePeriod, usePeriods } from '../api/reports';
import { useLabels } from '../components/labels';
import { thisYear } from '../period';
import { FINANCIERS } from '../vocabulary';

const PAGE_SIZE = 20;

function FreezeForm() {
  const { t } = useTranslation();
  const label = useLabels();
  const navigate = useNavigate();
  const freeze = useFreezePeriod();
  const [from, setFrom] = useState(thisYear().from);
  const [to, setTo] = useState(thisYear().to);
  const [financier, setFinancier] = useState('');
  const [inverted, setInverted] = useState(false);
  const serverErrors = freeze.error instanceof ApiError ? fieldErrorsOf(freeze.error, t) : {};
  // The service's rule for an inverted period, in the user's language; checked here before sending too.
  const periodProblem = freeze.error instanceof ApiError && freeze.error.fieldProblems()['to']?.rule === 'periodEndsAfterStart';
  const fieldErrors: Record<string, string> = { ...serverErrors, ...(inverted || periodProblem ? { to: t('reports.filters.inverted') } : {}) };
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setInverted(!!from && !!to && to < from);
    if (from && to && to < from) return;
    freeze.mutate({ from, to, ...(financier ? { financier } : {}) }, { onSuccess: (period) => void navigate(`/reports/periods/${period.id}`) });
  };
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="freeze-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="freeze-title">
            {t('reports.periods.freezeTitle')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput type="date" required label={t('reports.filters.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} error={fieldErrors['from']} />
            <TextInput type="date" required label={t('reports.filters.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} error={fieldErrors['to']} />
            <NativeSelect
              label={t('reports.filters.financier')}
              value={financier}
              onChange={(e) => setFinancier(e.currentTarget.value)}
              error={fieldErrors['financier']}
              data={[{ value: '', label: t('reports.periods.financierAll') }, ...FINANCIERS.map((f) => ({ value: f, label: label('financier', f) }))]}
            />
          </SimpleGrid>
          {freeze.isError && Object.keys(fieldErrors).length === 0 && <ErrorState error={freeze.error} />}
          <Group>
            <Button type="submit" loading={freeze.isPending}>
              {t('reports.periods.freeze')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export function PeriodsRoute() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const label = useLabels();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page')) || 1;
  const periods = usePeriods(page, PAGE_SIZE);

  return (
    <Stack>
      <Anchor component={Link} to="/reports" size="sm">
        ← {t('reports.companies.back')}
      </Anchor>
      <Title order={1}>{t('reports.periods.title')}</Title>
      <Text c="dimmed" size="sm" maw={720}>
        {t('reports.periods.intro')}
      </Text>
      {canManage(session) && <FreezeForm />}
      {periods.isPending ? (
        <PageLoader />
      ) : periods.isError ? (
        <ErrorState error={periods.error} onRetry={() => void periods.refetch()} />
      ) : periods.data.items.length === 0 ? (
        <Alert color="gray">{t('reports.periods.none')}</Alert>
      ) : (
        <>
          <Table.ScrollContainer minWidth={640}>
            <Table striped aria-label={t('reports.periods.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('reports.periods.period')}</Table.Th>
                  <Table.Th scope="col">{t('reports.periods.financier')}</Table.Th>
                  <Table.Th scope="col">{t('reports.periods.producedAt')}</Table.Th>
                  <Table.Th scope="col">{t('reports.periods.frozenBy')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('reports.periods.companies')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {periods.data.items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/reports/periods/${p.id}`}>
                        {fmt.date(p.from)} – {fmt.date(p.to)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{p.financier ? label('financier', p.financier) : t('reports.periods.financierAll')}</Table.Td>
                    <Table.Td>{fmt.dateTime(p.producedAt)}</Table.Td>
                    <Table.Td>{p.frozenBy}</Table.Td>
                    <Table.Td ta="right">{fmt.number(p.companies)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager
            page={periods.data.page}
            pageSize={periods.data.pageSize}
            total={periods.data.total}
            onChange={(p) => setParams((prev) => new URLSearchParams({ ...Object.fromEntries(prev), page: String(p) }))}
          />
        </>
      )}
    </Stack>
  );
}
