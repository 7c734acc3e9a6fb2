import {
  AttendanceCorrected,
  CompaniesMerged,
  CompanyRegistered,
  CompanyUpdated,
  EventCancelled,
  EventScheduled,
  EventUpdated,
  type EventContract,
  ExportFiguresReported,
  ExportRingMembershipChanged,
  type IntegrationEventEnvelope,
  ParticipantAttended,
  PartnerMeetingHeld,
  RelationshipStageChanged,
  TripCancelled,
  TripCompleted,
  TripCompletionCorrected,
  TripPlanned,
  contractOf,
} from '@globac/contracts';
import type { EntityManager } from 'typeorm';
import { companiesProjection } from './companies.projection';
import { programmeEventsProjection } from './programme-events.projection';
import { tripsProjection } from './trips.projection';

type Projector = (events: IntegrationEventEnvelope<never>[], manager: EntityManager) => Promise<unknown>;

const one =
  <T>(apply: (event: IntegrationEventEnvelope<T>, manager: EntityManager) => Promise<void>): Projector =>
  async (events, manager) => {
    for (const event of events) await apply(event as IntegrationEventEnvelope<T>, manager);
  };

/**
 * Every event type the read models take, with the projection that applies a run of them: what the
 * live handlers do, without the jobs (trip reports run once per trigger, not again on a replay) and
 * without recording progress. Used by the rebuild.
 */
export const PROJECTORS = new Map<string, Projector>(
  (
    [
      [CompanyRegistered, companiesProjection.registered],
      [CompanyUpdated, one(companiesProjection.updated)],
      [CompaniesMerged, one(companiesProjection.merged)],
      [ExportFiguresReported, companiesProjection.exportFiguresReported],
      [RelationshipStageChanged, companiesProjection.relationshipStageChanged],
      [EventScheduled, programmeEventsProjection.details],
      [EventUpdated, programmeEventsProjection.details],
      [EventCancelled, programmeEventsProjection.cancelled],
      [ParticipantAttended, programmeEventsProjection.attendance],
      [AttendanceCorrected, programmeEventsProjection.attendance],
      [ExportRingMembershipChanged, programmeEventsProjection.ringMembershipChanged],
      [TripPlanned, tripsProjection.planned],
      [TripCancelled, tripsProjection.cancelled],
      [TripCompleted, tripsProjection.completion],
      [TripCompletionCorrected, tripsProjection.completion],
      [PartnerMeetingHeld, tripsProjection.partnerMeetingHeld],
    ] as [new () => object, Projector][]
  ).map(([contract, projector]) => [(contractOf(contract) as EventContract).type, projector]),
);

/** The tables the projections write: what a rebuild makes afresh and swaps in. */
export const READ_MODEL_TABLES = [
  'company',
  'company_municipality',
  'company_merge',
  'export_figures',
  'relationship_change',
  'programme_event',
  'cancelled_event',
  'attendance_record',
  'ring_membership',
  'trip',
  'cancelled_trip',
  'trip_completion',
  'trip_traveller',
  'partner_meeting',
  'counted_activity',
  'company_year_activity',
] as const;
