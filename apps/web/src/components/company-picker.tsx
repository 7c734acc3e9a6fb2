// Choosing a company, and showing one by name, for features that refer to the companies service's
// companies by id (trips, export rings). Kept here rather than in a feature: features do not import
// each other.
import { NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError, unwrap } from '../lib/api-client';

function useCompanySearch(q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['company-picker', q],
    queryFn: () => unwrap(api.companies.GET('/api/companies', { params: { query: { q: q || undefined, pageSize: 20, sort: '-registeredAt' } } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** A search box and a native select of the companies it finds (name and org number). */
export function CompanyPicker({ searchLabel, label, value, onChange, error, name = 'companyId' }: { searchLabel: string; label: string; value: string; onChange: (id: string) => void; error?: string; name?: string }) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const companies = useCompanySearch(q, true);
  const options = companies.data?.items ?? [];
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <TextInput label={searchLabel} type="search" value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
      <NativeSelect
        label={label}
        name={name}
        required
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        data={[{ value: '', label: '' }, ...options.map((c) => ({ value: c.id, label: `${c.name} (${c.orgNumber})` }))]}
        error={error}
      />
    </SimpleGrid>
  );
}

/**
 * A company's name, read from the companies service. Financiers may not read companies there (403):
 * they, and anyone before the answer, see a short form of the id instead.
 */
export function useCompanyName(companyId: string): string {
  const company = useQuery({
    queryKey: ['company-name', companyId],
    queryFn: () => unwrap(api.companies.GET('/api/companies/{id}', { params: { path: { id: companyId } } })),
    staleTime: 5 * 60_000,
    retry: (count, error) => !(error instanceof ApiError) && count < 2,
  });
  return company.data?.name ?? `${companyId.slice(0, 8)}…`;
}

export function CompanyName({ id }: { id: string }) {
  return <>{useCompanyName(id)}</>;
}
