// Server state of the events feature: TanStack Query hooks over the events service.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type EventsPaths, type EventsSchemas, unwrap } from '../../../lib/api-client';

export type ProgrammeEvent = EventsSchemas['ProgrammeEventDto'];
export type Registration = EventsSchemas['RegistrationDto'];
export type EventKind = ProgrammeEvent['kind'];
export type EventTopic = ProgrammeEvent['topic'];
export type Financier = NonNullable<EventsSchemas['CreateProgrammeEventDto']['financiers']>[number];
// Optional in a registration (the service then records 'undisclosed'); the form always sends one.
export type Gender = NonNullable<EventsSchemas['ParticipantDto']['gender']>;
export type EventListQuery = NonNullable<EventsPaths['/api/events']['get']['parameters']['query']>;

export type ScheduleEvent = EventsSchemas['CreateProgrammeEventDto'];
export type Participant = EventsSchemas['ParticipantDto'];
export type CreateRegistration = EventsSchemas['CreateRegistrationDto'];

export const eventKeys = {
  all: ['events'] as const,
  list: (query: EventListQuery) => ['events', 'list', query] as const,
  one: (id: string) => ['events', 'one', id] as const,
  registrations: (id: string, status: string) => ['events', 'one', id, 'registrations', status] as const,
};

export function useEvents(query: EventListQuery) {
  return useQuery({
    queryKey: eventKeys.list(query),
    queryFn: () => unwrap(api.events.GET('/api/events', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useEvent(id: string) {
  return useQuery({ queryKey: eventKeys.one(id), queryFn: () => unwrap(api.events.GET('/api/events/{eventId}', { params: { path: { eventId: id } } })) });
}

export function useScheduleEvent() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ScheduleEvent) => unwrap(api.events.POST('/api/events', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: eventKeys.all }),
  });
}

export function useCancelEvent(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.events.POST('/api/events/{eventId}/cancel', { params: { path: { eventId: id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: eventKeys.all }),
  });
}

/** Registrations of one status, in the service's order (the waitlist in waitlist order). */
export function useRegistrations(eventId: string, status: 'registered' | 'waitlisted') {
  return useQuery({
    queryKey: eventKeys.registrations(eventId, status),
    queryFn: () => unwrap(api.events.GET('/api/events/{eventId}/registrations', { params: { path: { eventId }, query: { status, pageSize: 100 } } })),
  });
}

export function useRegister(eventId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateRegistration) =>
      unwrap(api.events.POST('/api/events/{eventId}/registrations', { params: { path: { eventId } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: eventKeys.one(eventId) }),
  });
}

export function useCancelRegistration(eventId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (registrationId: string) =>
      unwrap(api.events.DELETE('/api/events/{eventId}/registrations/{registrationId}', { params: { path: { eventId, registrationId } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: eventKeys.one(eventId) }),
  });
}

export function useRecordAttendance(eventId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ registrationId, attended }: { registrationId: string; attended: boolean }) =>
      unwrap(
        api.events.PUT('/api/events/{eventId}/registrations/{registrationId}/attendance', {
          params: { path: { eventId, registrationId } },
          body: { attended },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: eventKeys.registrations(eventId, 'registered') }),
  });
}

/** Companies to register people for: the companies service's list, searched by name or number. */
export function useCompanySearch(q: string) {
  return useQuery({
    queryKey: ['events', 'company-search', q],
    queryFn: () => unwrap(api.companies.GET('/api/companies', { params: { query: { q: q || undefined, pageSize: 20, sort: '-registeredAt' } } })),
    placeholderData: keepPreviousData,
  });
}
