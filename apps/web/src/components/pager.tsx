import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Paging of a `{ items, total, page, pageSize }` collection. */
export function Pager({ page, pageSize, total, onChange }: { page: number; pageSize: number; total: number; onChange: (page: number) => void }) {
  const { t, i18n } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const n = (v: number) => new Intl.NumberFormat(i18n.language.startsWith('en') ? 'en-GB' : 'sv-SE').format(v);
  return (
    <Group justify="space-between" mt="md">
      <Text size="sm" aria-live="polite">
        {t('app.showing', { from: n(from), to: n(to), total: n(total) })}
      </Text>
      {pages > 1 && (
        <nav aria-label={t('app.pagination')}>
          <Pagination total={pages} value={page} onChange={onChange} getItemProps={(p) => ({ 'aria-label': `${t('app.page')} ${p}` })} />
        </nav>
      )}
    </Group>
  );
}
