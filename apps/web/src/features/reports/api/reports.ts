// Server state of the reports feature: TanStack Query hooks over the reporting service, and its
// downloads (fetched with the bearer token, saved under the server's file name).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ReportingPaths, type ReportingSchemas, unwrap } from '../../../lib/api-client';

export type IndicatorsReport = ReportingSchemas['IndicatorsReportDto'];
export type SupportedCompany = ReportingSchemas['SupportedCompanyDto'];
export type CompaniesPage = ReportingSchemas['PageOfSupportedCompanyDto'];
export type ReportingStatus = ReportingSchemas['ReportingStatusDto'];
export type FrozenPeriod = ReportingSchemas['FrozenPeriodDto'];
export type FrozenPeriodSummary = ReportingSchemas['FrozenPeriodSummaryDto'];
export type FreezePeriod = ReportingSchemas['FreezePeriodDto'];
export type TripReport = ReportingSchemas['TripReportDto'];

type IndicatorsParams = NonNullable<ReportingPaths['/api/reports/indicators']['get']['parameters']['query']>;
/** The period and filters of the dashboard (and of its drill-down, with paging). */
export type IndicatorsQuery = Omit<IndicatorsParams, 'format'>;
export type CompaniesQuery = Omit<NonNullable<ReportingPaths['/api/reports/indicators/companies']['get']['parameters']['query']>, 'format'>;
export type Municipality = NonNullable<IndicatorsParams['municipality']>;
export type ActivityKind = NonNullable<IndicatorsParams['activityKind']>;
export type DownloadFormat = NonNullable<IndicatorsParams['format']>;

export const reportKeys = {
  all: ['reports'] as const,
  indicators: (query: IndicatorsQuery) => ['reports', 'indicators', query] as const,
  companies: (query: CompaniesQuery) => ['reports', 'companies', query] as const,
  status: ['reports', 'status'] as const,
  periods: (page: number) => ['reports', 'periods', page] as const,
  period: (id: string) => ['reports', 'period', id] as const,
  trip: (tripId: string, revision?: number) => ['reports', 'trip', tripId, revision ?? 'latest'] as const,
};

export function useIndicators(query: IndicatorsQuery) {
  return useQuery({
    queryKey: reportKeys.indicators(query),
    // Without `format` the answer is the JSON (the document lists the downloads' bodies for the same 200).
    queryFn: async () => (await unwrap(api.reporting.GET('/api/reports/indicators', { params: { query } }))) as IndicatorsReport,
    placeholderData: keepPreviousData,
  });
}

export function useIndicatorCompanies(query: CompaniesQuery) {
  return useQuery({
    queryKey: reportKeys.companies(query),
    queryFn: async () => (await unwrap(api.reporting.GET('/api/reports/indicators/companies', { params: { query } }))) as CompaniesPage,
    placeholderData: keepPreviousData,
  });
}

/** The figures' freshness; polled, faster while a rebuild runs so its progress moves. */
export function useReportingStatus() {
  return useQuery({
    queryKey: reportKeys.status,
    queryFn: () => unwrap(api.reporting.GET('/api/reports/status')),
    refetchInterval: (q) => (q.state.data?.rebuild?.state === 'running' ? 2_000 : 15_000),
  });
}

export function usePeriods(page: number, pageSize: number) {
  return useQuery({
    queryKey: reportKeys.periods(page),
    queryFn: () => unwrap(api.reporting.GET('/api/reports/periods', { params: { query: { page, pageSize } } })),
    placeholderData: keepPreviousData,
  });
}

export function usePeriod(id: string) {
  return useQuery({
    queryKey: reportKeys.period(id),
    queryFn: async () => (await unwrap(api.reporting.GET('/api/reports/periods/{id}', { params: { path: { id } } }))) as FrozenPeriod,
    // A frozen period never changes.
    staleTime: Infinity,
  });
}

export function useFreezePeriod() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: FreezePeriod) => unwrap(api.reporting.POST('/api/reports/periods', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['reports', 'periods'] }),
  });
}

export function useTripReport(tripId: string, revision?: number) {
  return useQuery({
    queryKey: reportKeys.trip(tripId, revision),
    queryFn: async () =>
      (await unwrap(api.reporting.GET('/api/reports/trips/{tripId}', { params: { path: { tripId }, query: revision ? { revision } : {} } }))) as TripReport,
  });
}

/** The file name of `Content-Disposition: attachment; filename="…"` (or `filename*=UTF-8''…`). */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (star) return decodeURIComponent(star[1].trim());
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1].trim() : fallback;
}

/**
 * Saves a report file fetched through the typed client (which sends the bearer token, as a plain link
 * could not) under the name the service gives in Content-Disposition. A refusal throws ApiError.
 */
export async function saveDownload(call: Promise<{ data?: Blob; error?: unknown; response: Response }>, fallback: string): Promise<string> {
  const result = await call;
  const blob = await unwrap(Promise.resolve(result));
  const name = fileNameOf(result.response.headers.get('content-disposition'), fallback);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked after the click has been handled: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

export function downloadIndicators(query: IndicatorsQuery, format: DownloadFormat) {
  return saveDownload(api.reporting.GET('/api/reports/indicators', { params: { query: { ...query, format } }, parseAs: 'blob' }), `globac-indicators.${format}`);
}

export function downloadCompanies(query: CompaniesQuery, format: DownloadFormat) {
  const { page: _page, pageSize: _size, ...rest } = query;
  return saveDownload(api.reporting.GET('/api/reports/indicators/companies', { params: { query: { ...rest, format } }, parseAs: 'blob' }), `globac-companies.${format}`);
}

export function downloadPeriod(id: string, format: DownloadFormat) {
  return saveDownload(api.reporting.GET('/api/reports/periods/{id}', { params: { path: { id }, query: { format } }, parseAs: 'blob' }), `globac-period-${id}.${format}`);
}

export function downloadTripReport(tripId: string, revision: number | undefined, format: DownloadFormat) {
  return saveDownload(
    api.reporting.GET('/api/reports/trips/{tripId}', { params: { path: { tripId }, query: revision ? { revision, format } : { format } }, parseAs: 'blob' }),
    `globac-trip-${tripId}.${format}`,
  );
}
