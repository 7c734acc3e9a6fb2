import { Alert, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { ErrorState, PageLoader } from '../../../components/page-state';
import { Pager } from '../../../components/pager';
import { ApiError } from '../../../lib/api-client';
import { useSession } from '../../../lib/session';
import { useActivities } from '../api/my-company';
import { ActivityTable } from '../components/activity-table';

const PAGE_SIZE = 20;

/** The company user's participation history (reporting service), with a period and paging in the address. */
export function ParticipationHistoryRoute() {
  const { t } = useTranslation();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const companyId = session?.companyId ?? '';
  const query = { page: Number(params.get('page')) || 1, pageSize: PAGE_SIZE, from: params.get('from') || undefined, to: params.get('to') || undefined };
  const activities = useActivities(companyId, query);
  if (!companyId) return <Navigate to="/" replace />;
  const update = (key: string, value: string) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (value) next.set(key, value);
      else next.delete(key);
      if (key !== 'page') next.delete('page');
      return next;
    });
  const notYet = activities.error instanceof ApiError && activities.error.code === 'COMPANY_NOT_FOUND';
  return (
    <Stack>
      <Title order={1}>{t('myCompany.history.title')}</Title>
      <Text>{t('myCompany.history.intro')}</Text>
      <form role="search" aria-label={t('app.filters')} onSubmit={(e) => e.preventDefault()}>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          <TextInput label={t('myCompany.history.from')} type="date" value={query.from ?? ''} onChange={(e) => update('from', e.currentTarget.value)} />
          <TextInput label={t('myCompany.history.to')} type="date" value={query.to ?? ''} onChange={(e) => update('to', e.currentTarget.value)} />
        </SimpleGrid>
      </form>
      {activities.isPending ? (
        <PageLoader />
      ) : notYet ? (
        <Alert color="blue" role="status" title={t('myCompany.history.notYet')} />
      ) : activities.isError ? (
        <ErrorState error={activities.error} onRetry={() => void activities.refetch()} />
      ) : activities.data.items.length === 0 ? (
        <Text>{t('myCompany.history.none')}</Text>
      ) : (
        <>
          <ActivityTable items={activities.data.items} label={t('myCompany.history.title')} />
          <Pager page={activities.data.page} pageSize={activities.data.pageSize} total={activities.data.total} onChange={(p) => update('page', String(p))} />
        </>
      )}
    </Stack>
  );
}
