import {
  AttendanceCorrected,
  EventCancelled,
  EventScheduled,
  EventUpdated,
  ExportRingMembershipChanged,
  type IntegrationEventEnvelope,
  ParticipantAttended,
} from '@globac/contracts';
import { HandlesIntegrationEventBatch } from '@globac/messaging';
import { Controller } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { programmeEventsProjection } from './programme-events.projection';
import { enterReadModels, recordProgress } from './projection-support';

/** The events stream into the read models (the projections say how each event is applied). */
@Controller()
export class ProgrammeEventsHandler {
  @HandlesIntegrationEventBatch(EventScheduled)
  async onScheduled(events: IntegrationEventEnvelope<EventScheduled>[], manager: EntityManager) {
    await enterReadModels(manager);
    await programmeEventsProjection.details(events, manager);
    await recordProgress(manager, 'events', events);
  }

  @HandlesIntegrationEventBatch(EventUpdated)
  async onUpdated(events: IntegrationEventEnvelope<EventUpdated>[], manager: EntityManager) {
    await enterReadModels(manager);
    await programmeEventsProjection.details(events, manager);
    await recordProgress(manager, 'events', events);
  }

  @HandlesIntegrationEventBatch(EventCancelled)
  async onCancelled(events: IntegrationEventEnvelope<EventCancelled>[], manager: EntityManager) {
    await enterReadModels(manager);
    await programmeEventsProjection.cancelled(events, manager);
    await recordProgress(manager, 'events', events);
  }

  @HandlesIntegrationEventBatch(ParticipantAttended)
  async onAttended(events: IntegrationEventEnvelope<ParticipantAttended>[], manager: EntityManager) {
    await enterReadModels(manager);
    await programmeEventsProjection.attendance(events, manager);
    await recordProgress(manager, 'events', events);
  }

  @HandlesIntegrationEventBatch(AttendanceCorrected)
  async onAttendanceCorrected(events: IntegrationEventEnvelope<AttendanceCorrected>[], manager: EntityManager) {
    await enterReadModels(manager);
    await programmeEventsProjection.attendance(events, manager);
    await recordProgress(manager, 'events', events);
  }

  @HandlesIntegrationEventBatch(ExportRingMembershipChanged)
  async onRingMembershipChanged(events: IntegrationEventEnvelope<ExportRingMembershipChanged>[], manager: EntityManager) {
    await enterReadModels(manager);
    await programmeEventsProjection.ringMembershipChanged(events, manager);
    await recordProgress(manager, 'events', events);
  }
}
