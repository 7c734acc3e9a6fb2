import { Anchor, Badge, Button, Group, NativeSelect, SimpleGrid, Stack, Table, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PagedTable } from '../../../components/paged-table';
import { useFormat } from '../../../lib/format';
import { canManage, useSession } from '../../../lib/session';
import { useListFilters } from '../../../lib/use-list-filters';
import { type CompanyListQuery, type Municipality, useCompanies } from '../api/companies';
import { MUNICIPALITIES, SIZE_CLASSES, SORTS } from '../vocabulary';

const PAGE_SIZE = 20;

/** The list's filters live in the address, so a filtered list can be bookmarked and shared. */
function queryOf(params: URLSearchParams): CompanyListQuery {
  const exporting = params.get('exporting');
  return {
    page: Number(params.get('page')) || 1,
    pageSize: PAGE_SIZE,
    q: params.get('q') || undefined,
    municipality: (params.get('municipality') as Municipality) || undefined,
    sizeClass: (params.get('sizeClass') as (typeof SIZE_CLASSES)[number]) || undefined,
    exporting: exporting === 'true' ? true : exporting === 'false' ? false : undefined,
    sort: (params.get('sort') as (typeof SORTS)[number]) || 'name',
  };
}

export function CompaniesListRoute() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const session = useSession();
  const { params, update } = useListFilters();
  const query = queryOf(params);
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [debounced] = useDebouncedValue(search, 300);
  const companies = useCompanies(query);

  useEffect(() => {
    if ((params.get('q') ?? '') !== debounced) update('q', debounced);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only the typed text drives this
  }, [debounced]);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('companies.title')}</Title>
        {canManage(session) && (
          <Button component={Link} to="/companies/new">
            {t('companies.register')}
          </Button>
        )}
      </Group>
      <form role="search" aria-label={t('app.filters')} onSubmit={(e) => e.preventDefault()}>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 5 }}>
          <TextInput label={t('companies.searchLabel')} type="search" value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
          <NativeSelect
            label={t('companies.municipality')}
            value={query.municipality ?? ''}
            onChange={(e) => update('municipality', e.currentTarget.value)}
            data={[{ value: '', label: t('app.all') }, ...MUNICIPALITIES.map((m) => ({ value: m, label: m === 'outside-county' ? t('companies.outsideCounty') : m }))]}
          />
          <NativeSelect
            label={t('companies.sizeClass')}
            value={query.sizeClass ?? ''}
            onChange={(e) => update('sizeClass', e.currentTarget.value)}
            data={[{ value: '', label: t('app.all') }, ...SIZE_CLASSES.map((s) => ({ value: s, label: t(`companies.sizeClasses.${s}`) }))]}
          />
          <NativeSelect
            label={t('companies.exporting')}
            value={params.get('exporting') ?? ''}
            onChange={(e) => update('exporting', e.currentTarget.value)}
            data={[
              { value: '', label: t('app.all') },
              { value: 'true', label: t('app.yes') },
              { value: 'false', label: t('app.no') },
            ]}
          />
          <NativeSelect
            label={t('app.sortBy')}
            value={query.sort}
            onChange={(e) => update('sort', e.currentTarget.value)}
            data={SORTS.map((s) => ({ value: s, label: t(`companies.sort.${s}`) }))}
          />
        </SimpleGrid>
      </form>
      <PagedTable
        query={companies}
        label={t('companies.title')}
        columns={[t('companies.name'), t('orgNumber.label'), t('companies.municipality'), t('companies.sizeClass'), t('companies.exporting'), t('companies.registeredAt')]}
        minWidth={640}
        rowKey={(c) => c.id}
        cells={(c) => (
          <>
            <Table.Td>
              <Anchor component={Link} to={`/companies/${c.id}`}>
                {c.name}
              </Anchor>
            </Table.Td>
            <Table.Td>{c.orgNumber}</Table.Td>
            <Table.Td>{c.municipality === 'outside-county' ? `${t('companies.outsideCounty')} (${c.county})` : c.municipality}</Table.Td>
            <Table.Td>{c.sizeClass ? t(`companies.sizeClasses.${c.sizeClass}`) : t('app.unknown')}</Table.Td>
            <Table.Td>{c.exporting ? <Badge color="var(--globac-ok)">{t('app.yes')}</Badge> : t('app.no')}</Table.Td>
            <Table.Td>{fmt.date(c.registeredAt)}</Table.Td>
          </>
        )}
        onPage={(p) => update('page', String(p))}
      />
    </Stack>
  );
}
