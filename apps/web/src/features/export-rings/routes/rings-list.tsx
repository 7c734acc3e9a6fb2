import { Alert, Anchor, Card, NativeSelect, SimpleGrid, Stack, Table, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PagedTable } from '../../../components/paged-table';
import { canManage, useSession } from '../../../lib/session';
import { useListFilters } from '../../../lib/use-list-filters';
import { type ExportRing, type RingKind, type RingListQuery, useRings } from '../api/export-rings';
import { RingErrorState } from '../components/ring-error';
import { RING_KINDS, RingForm } from '../components/ring-form';

const PAGE_SIZE = 20;

export function RingsListRoute() {
  const { t } = useTranslation();
  const session = useSession();
  const { params, update } = useListFilters();
  const [created, setCreated] = useState<ExportRing>();
  const query: RingListQuery = {
    page: Number(params.get('page')) || 1,
    pageSize: PAGE_SIZE,
    kind: (params.get('kind') as RingKind) || undefined,
    city: params.get('city') || undefined,
  };
  const rings = useRings(query);

  return (
    <Stack>
      <Title order={1}>{t('exportRings.title')}</Title>
      <form role="search" aria-label={t('app.filters')} onSubmit={(e) => e.preventDefault()}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect label={t('exportRings.kind')} value={query.kind ?? ''} onChange={(e) => update('kind', e.currentTarget.value)} data={[{ value: '', label: t('app.all') }, ...RING_KINDS.map((k) => ({ value: k, label: t(`exportRings.kinds.${k}`) }))]} />
          <TextInput label={t('exportRings.city')} value={query.city ?? ''} onChange={(e) => update('city', e.currentTarget.value)} />
        </SimpleGrid>
      </form>
      <PagedTable
        query={rings}
        label={t('exportRings.title')}
        columns={[t('exportRings.name'), t('exportRings.kind'), t('exportRings.city'), t('exportRings.facilitator')]}
        minWidth={560}
        rowKey={(r) => r.id}
        cells={(r) => (
          <>
            <Table.Td>
              <Anchor component={Link} to={`/export-rings/${r.id}`}>
                {r.name}
              </Anchor>
            </Table.Td>
            <Table.Td>{t(`exportRings.kinds.${r.kind}`)}</Table.Td>
            <Table.Td>{r.city}</Table.Td>
            <Table.Td>{r.facilitator}</Table.Td>
          </>
        )}
        onPage={(p) => update('page', String(p))}
        errorState={RingErrorState}
        empty={t('exportRings.noRings')}
      />
      {canManage(session) && (
        <Card withBorder component="section" aria-labelledby="create-ring-title">
          <Stack>
            <Title order={2} size="h3" id="create-ring-title">
              {t('exportRings.create')}
            </Title>
            {created && (
              <Stack gap={4}>
                <Alert color="green" role="status" title={t('exportRings.created')} />
                <Anchor component={Link} to={`/export-rings/${created.id}`}>
                  {created.name}
                </Anchor>
              </Stack>
            )}
            <RingForm onSaved={setCreated} />
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
