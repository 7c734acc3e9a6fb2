import { ContactErased, type IntegrationEventEnvelope } from '@globac/contracts';
import { HandlesIntegrationEvent } from '@globac/messaging';
import { Controller } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * A contact erased under the GDPR: their registrations lose everything that points at the person (the
 * contact id, and a name or address if any were held). What remains is what reports need and what no
 * longer identifies anyone: the company, the event, the status, the attendance and hours, the gender.
 */
@Controller()
export class ContactErasureHandler {
  @HandlesIntegrationEvent(ContactErased)
  async onContactErased(event: IntegrationEventEnvelope<ContactErased>, manager: EntityManager) {
    await manager.query(
      'UPDATE registration SET contact_id = NULL, name = NULL, email = NULL, personal_data_erased_at = now() WHERE contact_id = $1',
      [event.data.contactId],
    );
  }
}
