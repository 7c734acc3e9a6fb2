import { Table, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ComponentType, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, PageLoader } from './page-state';
import { Pager } from './pager';

/** A `{ items, total, page, pageSize }` collection as the services answer it. */
interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

interface PagedTableProps<T> {
  query: UseQueryResult<Page<T>>;
  /** The table's accessible name (the page's title). */
  label: string;
  columns: string[];
  /** Below this width the table scrolls sideways instead of squeezing its columns. */
  minWidth: number;
  rowKey: (item: T) => string;
  /** A row's cells (`Table.Td`s), in the order of `columns`. */
  cells: (item: T) => ReactNode;
  onPage: (page: number) => void;
  /** What an empty page says; "no results" by default. */
  empty?: string;
  /** A feature's own error state, where it words its service's refusals. */
  errorState?: ComponentType<{ error: unknown; onRetry?: () => void }>;
}

/**
 * The body of a list page: while loading, on error (with a retry), when nothing matches, or the
 * table and its pager. The companies, events, trips and export-ring lists differ only in columns and cells.
 */
export function PagedTable<T>({ query, label, columns, minWidth, rowKey, cells, onPage, empty, errorState: Failed = ErrorState }: PagedTableProps<T>) {
  const { t } = useTranslation();
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <Failed error={query.error} onRetry={() => void query.refetch()} />;
  const { items, page, pageSize, total } = query.data;
  if (items.length === 0) return <Text>{empty ?? t('app.noResults')}</Text>;
  return (
    <>
      <Table.ScrollContainer minWidth={minWidth}>
        <Table striped highlightOnHover aria-label={label}>
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => (
                <Table.Th scope="col" key={column}>
                  {column}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={rowKey(item)}>{cells(item)}</Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Pager page={page} pageSize={pageSize} total={total} onChange={onPage} />
    </>
  );
}
