// Server state of the trips feature: TanStack Query hooks over the trips service.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type TripsPaths, type TripsSchemas, unwrap } from '../../../lib/api-client';

export type Trip = TripsSchemas['TripDto'];
export type TripStatus = Trip['status'];
export type PlanTrip = TripsSchemas['CreateTripDto'];
export type UpdateTrip = TripsSchemas['UpdateTripDto'];
export type Destination = TripsSchemas['DestinationDto'];
export type TargetRegion = NonNullable<Destination['targetRegion']>;
export type TripFinancier = Trip['financiers'][number];
export type Participant = TripsSchemas['ParticipantDto'];
export type ParticipantStatus = Participant['status'];
export type Traveller = TripsSchemas['TravellerDto'];
export type TravellerGender = TripsSchemas['TravellerViewDto']['gender'];
export type Meeting = TripsSchemas['MeetingDto'];
export type CreateMeeting = TripsSchemas['CreateMeetingDto'];
export type Outcome = TripsSchemas['RecordOutcomeDto']['outcome'];
export type RecordOutcome = TripsSchemas['RecordOutcomeDto'];
export type Travelled = TripsSchemas['TravelledDto'];
export type TripListQuery = NonNullable<TripsPaths['/api/trips']['get']['parameters']['query']>;
export type Transition = 'open' | 'close' | 'cancel';

export const tripKeys = {
  all: ['trips'] as const,
  list: (query: TripListQuery) => ['trips', 'list', query] as const,
  one: (id: string) => ['trips', 'one', id] as const,
  participants: (id: string, companyId?: string) => ['trips', 'one', id, 'participants', companyId ?? 'all'] as const,
  meetings: (id: string, companyId?: string) => ['trips', 'one', id, 'meetings', companyId ?? 'all'] as const,
};

export function useTrips(query: TripListQuery) {
  return useQuery({
    queryKey: tripKeys.list(query),
    queryFn: () => unwrap(api.trips.GET('/api/trips', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useTrip(id: string) {
  return useQuery({ queryKey: tripKeys.one(id), queryFn: () => unwrap(api.trips.GET('/api/trips/{tripId}', { params: { path: { tripId: id } } })) });
}

export function usePlanTrip() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PlanTrip) => unwrap(api.trips.POST('/api/trips', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: tripKeys.all }),
  });
}

export function useUpdateTrip(tripId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateTrip) => unwrap(api.trips.PATCH('/api/trips/{tripId}', { params: { path: { tripId } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: tripKeys.all }),
  });
}

/** open, close or cancel: the state machine's transitions staff make by hand. */
export function useTransition(tripId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (transition: Transition) => {
      const options = { params: { path: { tripId } } };
      if (transition === 'open') return unwrap(api.trips.POST('/api/trips/{tripId}/open', options));
      if (transition === 'close') return unwrap(api.trips.POST('/api/trips/{tripId}/close', options));
      return unwrap(api.trips.POST('/api/trips/{tripId}/cancel', options));
    },
    onSuccess: () => client.invalidateQueries({ queryKey: tripKeys.all }),
  });
}

/** Completes the trip, or (once completed) corrects who travelled: the same list either way. */
export function useCompletion(tripId: string, mode: 'complete' | 'correct') {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (travelled: Travelled[]) =>
      mode === 'complete'
        ? unwrap(api.trips.POST('/api/trips/{tripId}/complete', { params: { path: { tripId } }, body: { travelled } }))
        : unwrap(api.trips.POST('/api/trips/{tripId}/completion-corrections', { params: { path: { tripId } }, body: { travelled } })),
    onSuccess: () => client.invalidateQueries({ queryKey: tripKeys.one(tripId) }),
  });
}

/** Every participation of the trip (a company user: its own company's only, as the service requires). */
export function useParticipants(tripId: string, companyId?: string) {
  return useQuery({
    queryKey: tripKeys.participants(tripId, companyId),
    queryFn: () => unwrap(api.trips.GET('/api/trips/{tripId}/participants', { params: { path: { tripId }, query: { pageSize: 100, companyId } } })),
  });
}

export function useApply(tripId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TripsSchemas['ApplyDto']) => unwrap(api.trips.POST('/api/trips/{tripId}/participants', { params: { path: { tripId } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: tripKeys.one(tripId) }),
  });
}

export type Decision = 'accept' | 'decline' | 'withdraw';

export function useDecide(tripId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ participantId, decision }: { participantId: string; decision: Decision }) => {
      const options = { params: { path: { tripId, participantId } } };
      if (decision === 'accept') return unwrap(api.trips.POST('/api/trips/{tripId}/participants/{participantId}/accept', options));
      if (decision === 'decline') return unwrap(api.trips.POST('/api/trips/{tripId}/participants/{participantId}/decline', options));
      return unwrap(api.trips.DELETE('/api/trips/{tripId}/participants/{participantId}', options));
    },
    onSuccess: () => client.invalidateQueries({ queryKey: tripKeys.one(tripId) }),
  });
}

export function useMeetings(tripId: string, companyId?: string) {
  return useQuery({
    queryKey: tripKeys.meetings(tripId, companyId),
    queryFn: () => unwrap(api.trips.GET('/api/trips/{tripId}/meetings', { params: { path: { tripId }, query: { pageSize: 100, companyId } } })),
  });
}

export function useBookMeeting(tripId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateMeeting) => unwrap(api.trips.POST('/api/trips/{tripId}/meetings', { params: { path: { tripId } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: tripKeys.meetings(tripId).slice(0, 4) }),
  });
}

export function useRecordOutcome(tripId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ meetingId, body }: { meetingId: string; body: RecordOutcome }) =>
      unwrap(api.trips.PUT('/api/trips/{tripId}/meetings/{meetingId}/outcome', { params: { path: { tripId, meetingId } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: tripKeys.meetings(tripId).slice(0, 4) }),
  });
}
