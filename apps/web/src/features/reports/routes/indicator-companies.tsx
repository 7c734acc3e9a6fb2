// The companies behind companiesSupported (/reports/companies): the dashboard's period and filters
// plus the bar's, paged; staff can open each company's page.
import { Anchor, Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorState, PageLoader } from '../../../components/page-state';
import { Pager } from '../../../components/pager';
import { useFormat } from '../../../lib/format';
import { canManage, useSession } from '../../../lib/session';
import { downloadCompanies, useIndicatorCompanies } from '../api/reports';
import { DownloadButtons } from '../components/download-buttons';
import { useLabels } from '../components/labels';
import { indicatorsQueryOf, searchOf } from '../period';

const PAGE_SIZE = 20;

export function IndicatorCompaniesRoute() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const label = useLabels();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const filters = indicatorsQueryOf(params);
  const query = { ...filters, page: Number(params.get('page')) || 1, pageSize: PAGE_SIZE };
  const companies = useIndicatorCompanies(query);
  const active = [
    filters.financier && `${t('reports.filters.financier')}: ${label('financier', filters.financier)}`,
    filters.municipality && `${t('reports.filters.municipality')}: ${label('municipality', filters.municipality)}`,
    filters.activityKind && `${t('reports.filters.activityKind')}: ${label('activityKind', filters.activityKind)}`,
  ].filter((f): f is string => !!f);

  return (
    <Stack>
      <Anchor component={Link} to={`/reports?${searchOf(filters)}`} size="sm">
        ← {t('reports.companies.back')}
      </Anchor>
      <Title order={1}>{t('reports.companies.title')}</Title>
      <Group gap="xs">
        <Text>{t('reports.companies.period', { from: fmt.date(filters.from), to: fmt.date(filters.to) })}</Text>
        {active.map((f) => (
          <Badge key={f} variant="outline">
            {f}
          </Badge>
        ))}
      </Group>
      <DownloadButtons what={t('reports.downloads.companies')} download={(format) => downloadCompanies(query, format)} />
      {companies.isPending ? (
        <PageLoader />
      ) : companies.isError ? (
        <ErrorState error={companies.error} onRetry={() => void companies.refetch()} />
      ) : companies.data.items.length === 0 ? (
        <Text>{t('reports.companies.none')}</Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={640}>
            <Table striped aria-label={t('reports.companies.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('reports.companies.orgNumber')}</Table.Th>
                  <Table.Th scope="col">{t('reports.companies.name')}</Table.Th>
                  <Table.Th scope="col">{t('reports.companies.sizeClass')}</Table.Th>
                  <Table.Th scope="col">{t('reports.companies.municipality')}</Table.Th>
                  <Table.Th scope="col">{t('reports.companies.activityKinds')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {companies.data.items.map((c) => (
                  <Table.Tr key={c.companyId}>
                    <Table.Td>{c.orgNumber || '–'}</Table.Td>
                    <Table.Td>
                      {canManage(session) ? (
                        <Anchor component={Link} to={`/companies/${c.companyId}`}>
                          {c.name}
                        </Anchor>
                      ) : (
                        c.name
                      )}
                    </Table.Td>
                    <Table.Td>{label('sizeClass', c.sizeClass ?? 'unknown')}</Table.Td>
                    <Table.Td>
                      {c.municipality
                        .split(', ')
                        .map((m) => label('municipality', m))
                        .join(', ')}
                    </Table.Td>
                    <Table.Td>{c.activityKinds.map((k) => label('activityKind', k)).join(', ')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager
            page={companies.data.page}
            pageSize={companies.data.pageSize}
            total={companies.data.total}
            onChange={(p) =>
              setParams((prev) => {
                const next = new URLSearchParams(prev);
                next.set('page', String(p));
                return next;
              })
            }
          />
        </>
      )}
    </Stack>
  );
}
