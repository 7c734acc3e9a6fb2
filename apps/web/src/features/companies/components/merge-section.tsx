import { Alert, Button, Card, Group, Modal, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/page-state';
import { type CompanyDetail, useCompanies, useMergeCompanies } from '../api/companies';

/** Merging a duplicate into this company (staff only): search, choose, confirm. */
export function MergeSection({ survivor }: { survivor: CompanyDetail }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const candidates = useCompanies({ q: q || undefined, pageSize: 20, sort: 'name' });
  const [duplicateId, setDuplicateId] = useState('');
  const [confirming, setConfirming] = useState(false);
  const merge = useMergeCompanies(survivor.id);
  const options = (q ? (candidates.data?.items ?? []) : []).filter((c) => c.id !== survivor.id);
  const duplicate = options.find((c) => c.id === duplicateId);
  return (
    <Card withBorder component="section" aria-labelledby="merge-title">
      <Title order={2} size="h3" id="merge-title" mb="sm">
        {t('merge.title')}
      </Title>
      <Stack maw={560}>
        <Text size="sm">{t('merge.intro')}</Text>
        <TextInput label={t('merge.search')} type="search" value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
        <NativeSelect
          label={t('merge.pick')}
          value={duplicateId}
          onChange={(e) => setDuplicateId(e.currentTarget.value)}
          data={[{ value: '', label: '' }, ...options.map((c) => ({ value: c.id, label: `${c.name} (${c.orgNumber})` }))]}
        />
        {merge.isSuccess && <Alert color="green" role="status" title={t('merge.done')} />}
        <Group>
          <Button color="orange" disabled={!duplicate} onClick={() => setConfirming(true)}>
            {t('merge.submit')}
          </Button>
        </Group>
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('merge.title')} closeButtonProps={{ 'aria-label': t('app.close') }}>
        <Stack>
          <Text>{t('merge.confirm', { duplicate: duplicate?.name, survivor: survivor.name })}</Text>
          {merge.isError && <ErrorState error={merge.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('app.cancel')}
            </Button>
            <Button
              color="orange"
              loading={merge.isPending}
              onClick={() =>
                merge.mutate(duplicateId, {
                  onSuccess: () => {
                    setConfirming(false);
                    setDuplicateId('');
                    setSearch('');
                  },
                })
              }
            >
              {t('merge.submit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
