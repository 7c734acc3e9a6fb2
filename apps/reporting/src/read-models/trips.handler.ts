import {
  type IntegrationEventEnvelope,
  PartnerMeetingHeld,
  TripCancelled,
  TripCompleted,
  TripCompletionCorrected,
  TripPlanned,
} from '@globac/contracts';
import { HandlesIntegrationEventBatch } from '@globac/messaging';
import { Controller } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { produceTripReports } from '../trip-reports/trip-report.builder';
import { enterReadModels, recordProgress } from './projection-support';
import { tripsProjection } from './trips.projection';

/**
 * The trips stream into the read models. A trip's completion (or its correction) also produces the
 * trip report, in the same transaction as the inbox row: once per trigger, whichever replica takes it.
 */
@Controller()
export class TripsHandler {
  @HandlesIntegrationEventBatch(TripPlanned)
  async onPlanned(events: IntegrationEventEnvelope<TripPlanned>[], manager: EntityManager) {
    await enterReadModels(manager);
    await tripsProjection.planned(events, manager);
    await recordProgress(manager, 'trips', events);
  }

  @HandlesIntegrationEventBatch(TripCancelled)
  async onCancelled(events: IntegrationEventEnvelope<TripCancelled>[], manager: EntityManager) {
    await enterReadModels(manager);
    await tripsProjection.cancelled(events, manager);
    await recordProgress(manager, 'trips', events);
  }

  @HandlesIntegrationEventBatch(TripCompleted)
  async onCompleted(events: IntegrationEventEnvelope<TripCompleted>[], manager: EntityManager) {
    await enterReadModels(manager);
    await tripsProjection.completion(events, manager);
    await produceTripReports(manager, events);
    await recordProgress(manager, 'trips', events);
  }

  @HandlesIntegrationEventBatch(TripCompletionCorrected)
  async onCompletionCorrected(events: IntegrationEventEnvelope<TripCompletionCorrected>[], manager: EntityManager) {
    await enterReadModels(manager);
    await tripsProjection.completion(events, manager);
    await produceTripReports(manager, events);
    await recordProgress(manager, 'trips', events);
  }

  @HandlesIntegrationEventBatch(PartnerMeetingHeld)
  async onPartnerMeetingHeld(events: IntegrationEventEnvelope<PartnerMeetingHeld>[], manager: EntityManager) {
    await enterReadModels(manager);
    await tripsProjection.partnerMeetingHeld(events, manager);
    await recordProgress(manager, 'trips', events);
  }
}
