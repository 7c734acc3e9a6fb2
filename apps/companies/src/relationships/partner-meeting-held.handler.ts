import { type IntegrationEventEnvelope, PartnerMeetingHeld } from '@globac/contracts';
import { HandlesIntegrationEvent } from '@globac/messaging';
import { Controller } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RelationshipsService } from './relationships.service';

/** Trips tell of B2B meetings with partners abroad; the relationship moves on from them. */
@Controller()
export class PartnerMeetingHeldHandler {
  constructor(private readonly relationships: RelationshipsService) {}

  @HandlesIntegrationEvent(PartnerMeetingHeld)
  async onMeetingHeld(event: IntegrationEventEnvelope<PartnerMeetingHeld>, manager: EntityManager): Promise<void> {
    await this.relationships.recordMeeting(manager, event.data, `integration-event:${event.id}`);
  }
}
