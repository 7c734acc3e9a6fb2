import { type IntegrationEventEnvelope, RelationshipStageChanged } from '@globac/contracts';
import { HandlesIntegrationEvent } from '@globac/messaging';
import { Controller } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * Learns the companies service's partners from its RelationshipStageChanged events, and the id of a
 * partner that a meeting gave by name once the companies service registered it (the change it causes
 * names the meeting), so that later corrections of the meeting carry the id.
 */
@Controller()
export class PartnerDirectoryHandler {
  @HandlesIntegrationEvent(RelationshipStageChanged)
  async onStageChanged(event: IntegrationEventEnvelope<RelationshipStageChanged>, manager: EntityManager) {
    const { partnerId, partnerCountry, targetRegion, cause, causeId } = event.data;
    await manager.query(
      `INSERT INTO partner_copy (id, country_code, target_region) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET country_code = EXCLUDED.country_code, target_region = EXCLUDED.target_region, updated_at = now()`,
      [partnerId, partnerCountry, targetRegion],
    );
    if (cause === 'partner-meeting' && causeId) {
      await manager.query('UPDATE partner_meeting SET partner_id = $1 WHERE id = $2 AND partner_id IS NULL', [partnerId, causeId]);
    }
  }
}
