// Server state of the companies feature: TanStack Query hooks over the companies service.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type CompaniesPaths, type CompaniesSchemas, unwrap } from '../../../lib/api-client';

export type Company = CompaniesSchemas['CompanyDto'];
export type CompanyDetail = CompaniesSchemas['CompanyDetailDto'];
export type CreateCompany = CompaniesSchemas['CreateCompanyDto'];
export type Contact = CompaniesSchemas['ContactDto'];
export type CreateContact = CompaniesSchemas['CreateContactDto'];
export type ExportFigures = CompaniesSchemas['ExportFiguresDto'];
export type PutExportFigures = CompaniesSchemas['PutExportFiguresDto'];
export type Municipality = CreateCompany['municipality'];
export type County = NonNullable<CreateCompany['county']>;
export type CompanyListQuery = NonNullable<CompaniesPaths['/api/companies']['get']['parameters']['query']>;

export const companyKeys = {
  all: ['companies'] as const,
  list: (query: CompanyListQuery) => ['companies', 'list', query] as const,
  one: (id: string) => ['companies', 'one', id] as const,
  contacts: (id: string) => ['companies', 'one', id, 'contacts'] as const,
  figures: (id: string) => ['companies', 'one', id, 'export-figures'] as const,
};

export function useCompanies(query: CompanyListQuery) {
  return useQuery({
    queryKey: companyKeys.list(query),
    queryFn: () => unwrap(api.companies.GET('/api/companies', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useCompany(id: string) {
  return useQuery({
    queryKey: companyKeys.one(id),
    queryFn: () => unwrap(api.companies.GET('/api/companies/{id}', { params: { path: { id } } })),
  });
}

export function useRegisterCompany() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCompany) => unwrap(api.companies.POST('/api/companies', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: companyKeys.all }),
  });
}

/** The company registered under an organisation number, if any (for the check as one types). */
export async function findByOrgNumber(orgNumber: string): Promise<Company | null> {
  const digits = orgNumber.replace(/\D/g, '');
  const page = await unwrap(api.companies.GET('/api/companies', { params: { query: { q: digits, pageSize: 5 } } }));
  return page.items.find((c) => c.orgNumber.replace(/\D/g, '') === digits) ?? null;
}

export function useContacts(companyId: string) {
  return useQuery({
    queryKey: companyKeys.contacts(companyId),
    queryFn: () => unwrap(api.companies.GET('/api/contacts', { params: { query: { companyId, pageSize: 100 } } })),
  });
}

export function useAddContact(companyId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateContact) => unwrap(api.companies.POST('/api/companies/{id}/contacts', { params: { path: { id: companyId } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: companyKeys.contacts(companyId) }),
  });
}

export function useEraseContact(companyId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.companies.DELETE('/api/contacts/{id}', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: companyKeys.contacts(companyId) }),
  });
}

/** Everything held about a contact (GDPR art. 15), as the service answers it. */
export function exportContact(id: string) {
  return unwrap(api.companies.GET('/api/contacts/{id}/export', { params: { path: { id } } }));
}

export function useExportFigures(companyId: string) {
  return useQuery({
    queryKey: companyKeys.figures(companyId),
    queryFn: () => unwrap(api.companies.GET('/api/companies/{id}/export-figures', { params: { path: { id: companyId } } })),
  });
}

export function useReportExportFigures(companyId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ year, body }: { year: number; body: PutExportFigures }) =>
      unwrap(api.companies.PUT('/api/companies/{id}/export-figures/{year}', { params: { path: { id: companyId, year } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: companyKeys.one(companyId) }),
  });
}

export function useMergeCompanies(survivorId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (duplicateId: string) => unwrap(api.companies.POST('/api/companies/{id}/merge', { params: { path: { id: survivorId } }, body: { duplicateId } })),
    onSuccess: () => client.invalidateQueries({ queryKey: companyKeys.all }),
  });
}
