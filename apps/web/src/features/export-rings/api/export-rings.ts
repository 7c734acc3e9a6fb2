// Server state of export rings and circles (the events service's API).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type EventsPaths, type EventsSchemas, unwrap } from '../../../lib/api-client';

export type ExportRing = EventsSchemas['ExportRingDto'];
export type RingKind = ExportRing['kind'];
export type CreateRing = EventsSchemas['CreateExportRingDto'];
export type UpdateRing = EventsSchemas['UpdateExportRingDto'];
export type Membership = EventsSchemas['MembershipDto'];
export type RingListQuery = NonNullable<EventsPaths['/api/export-rings']['get']['parameters']['query']>;

export const ringKeys = {
  all: ['export-rings'] as const,
  list: (query: RingListQuery) => ['export-rings', 'list', query] as const,
  one: (id: string) => ['export-rings', 'one', id] as const,
  members: (id: string, activeOn: string) => ['export-rings', 'one', id, 'members', activeOn] as const,
};

export function useRings(query: RingListQuery) {
  return useQuery({ queryKey: ringKeys.list(query), queryFn: () => unwrap(api.events.GET('/api/export-rings', { params: { query } })), placeholderData: keepPreviousData });
}

export function useRing(ringId: string) {
  return useQuery({ queryKey: ringKeys.one(ringId), queryFn: () => unwrap(api.events.GET('/api/export-rings/{ringId}', { params: { path: { ringId } } })) });
}

export function useCreateRing() {
  const client = useQueryClient();
  return useMutation({ mutationFn: (body: CreateRing) => unwrap(api.events.POST('/api/export-rings', { body })), onSuccess: () => client.invalidateQueries({ queryKey: ringKeys.all }) });
}

export function useUpdateRing(ringId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateRing) => unwrap(api.events.PATCH('/api/export-rings/{ringId}', { params: { path: { ringId } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ringKeys.all }),
  });
}

/** Memberships, or (with a day) those that include that day. */
export function useMembers(ringId: string, activeOn: string) {
  return useQuery({
    queryKey: ringKeys.members(ringId, activeOn),
    queryFn: () => unwrap(api.events.GET('/api/export-rings/{ringId}/members', { params: { path: { ringId }, query: { pageSize: 100, activeOn: activeOn || undefined } } })),
    placeholderData: keepPreviousData,
  });
}

export function useJoin(ringId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: EventsSchemas['JoinRingDto']) => unwrap(api.events.POST('/api/export-rings/{ringId}/members', { params: { path: { ringId } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ringKeys.one(ringId) }),
  });
}

export function useLeave(ringId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ membershipId, leftOn }: { membershipId: string; leftOn: string }) =>
      unwrap(api.events.POST('/api/export-rings/{ringId}/members/{membershipId}/leave', { params: { path: { ringId, membershipId } }, body: { leftOn } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ringKeys.one(ringId) }),
  });
}
