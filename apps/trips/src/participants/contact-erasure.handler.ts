import { ContactErased, type IntegrationEventEnvelope } from '@globac/contracts';
import { HandlesIntegrationEvent } from '@globac/messaging';
import { Controller } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * A contact erased under the GDPR: the travellers that were that contact lose everything pointing at the
 * person. What remains (company, trip, status, gender) is what reports need and identifies no one.
 */
@Controller()
export class ContactErasureHandler {
  @HandlesIntegrationEvent(ContactErased)
  async onContactErased(event: IntegrationEventEnvelope<ContactErased>, manager: EntityManager) {
    await manager.query(
      'UPDATE trip_traveller SET contact_id = NULL, name = NULL, email = NULL, personal_data_erased_at = now() WHERE contact_id = $1',
      [event.data.contactId],
    );
  }
}
