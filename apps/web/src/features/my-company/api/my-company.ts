// Server state of the company user's own flows: their company, its export figures, its participation
// history (reporting), and the events and trips it can sign up for. TanStack Query over the services.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type CompaniesSchemas, type EventsPaths, type ReportingSchemas, type TripsSchemas, unwrap } from '../../../lib/api-client';

export type ExportFigures = CompaniesSchemas['ExportFiguresDto'];
export type PutExportFigures = CompaniesSchemas['PutExportFiguresDto'];
export type Activity = ReportingSchemas['CompanyActivityDto'];
export type Trip = TripsSchemas['TripDto'];
export type TripParticipant = TripsSchemas['ParticipantDto'];
export type Apply = TripsSchemas['ApplyDto'];
export type Traveller = TripsSchemas['TravellerDto'];
export type Gender = NonNullable<Traveller['gender']>;
type EventListQuery = NonNullable<EventsPaths['/api/events']['get']['parameters']['query']>;

// The same keys as the companies feature uses for the company and its figures, so a report made here
// refreshes that page's cache too (and the reverse).
export const myCompanyKeys = {
  company: (id: string) => ['companies', 'one', id] as const,
  figures: (id: string) => ['companies', 'one', id, 'export-figures'] as const,
  activities: (id: string, query: ActivityQuery) => ['reports', 'company-activities', id, query] as const,
  upcomingEvents: (from: string) => ['events', 'list', { mine: 'upcoming', from }] as const,
  openTrips: ['trips', 'list', { status: 'open' }] as const,
  application: (tripId: string) => ['trips', 'one', tripId, 'participants'] as const,
};

export function useOwnCompany(id: string) {
  return useQuery({
    queryKey: myCompanyKeys.company(id),
    queryFn: () => unwrap(api.companies.GET('/api/companies/{id}', { params: { path: { id } } })),
    enabled: !!id,
  });
}

export function useFigures(id: string) {
  return useQuery({
    queryKey: myCompanyKeys.figures(id),
    queryFn: () => unwrap(api.companies.GET('/api/companies/{id}/export-figures', { params: { path: { id } } })),
    enabled: !!id,
  });
}

export function useReportFigures(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ year, body }: { year: number; body: PutExportFigures }) =>
      unwrap(api.companies.PUT('/api/companies/{id}/export-figures/{year}', { params: { path: { id, year } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: myCompanyKeys.company(id) }),
  });
}

export interface ActivityQuery {
  page: number;
  pageSize: number;
  from?: string;
  to?: string;
}

export function useActivities(id: string, query: ActivityQuery) {
  return useQuery({
    queryKey: myCompanyKeys.activities(id, query),
    queryFn: () => unwrap(api.reporting.GET('/api/reports/companies/{id}/activities', { params: { path: { id }, query } })),
    placeholderData: keepPreviousData,
    enabled: !!id,
  });
}

/** Scheduled events from `fromIso` on, soonest first (the service's order). */
export function useUpcomingEvents(fromIso: string, pageSize = 5) {
  const query: EventListQuery = { status: 'scheduled', startsFrom: fromIso, pageSize };
  return useQuery({
    queryKey: myCompanyKeys.upcomingEvents(fromIso),
    queryFn: () => unwrap(api.events.GET('/api/events', { params: { query } })),
  });
}

/** Trips taking applications (a company user sees these and those it applied to). */
export function useOpenTrips() {
  return useQuery({
    queryKey: myCompanyKeys.openTrips,
    queryFn: () => unwrap(api.trips.GET('/api/trips', { params: { query: { status: 'open', pageSize: 100 } } })),
  });
}

/** The company's own application for a trip, if any: a company user sees only its own company's. */
export function useOwnApplication(tripId: string) {
  return useQuery({
    queryKey: myCompanyKeys.application(tripId),
    queryFn: async () => {
      const page = await unwrap(api.trips.GET('/api/trips/{tripId}/participants', { params: { path: { tripId }, query: { pageSize: 100 } } }));
      // Newest first: a withdrawn application may be followed by a new one.
      return [...page.items].sort((a, b) => b.appliedAt.localeCompare(a.appliedAt))[0] ?? null;
    },
  });
}

export function useApply(tripId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Apply) => unwrap(api.trips.POST('/api/trips/{tripId}/participants', { params: { path: { tripId } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['trips'] }),
  });
}
