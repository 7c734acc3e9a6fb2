import { IsUUID } from 'class-validator';
import { Description } from '../field.decorators';
import { IntegrationEvent } from '../integration-event.decorator';

@IntegrationEvent({
  producer: 'companies',
  aggregate: 'contact',
  event: 'erased',
  version: 1,
  description:
    'A contact person was erased under the GDPR. Consumers drop any personal data they hold for this contact id; ' +
    'counts and reports stay as they were.',
})
export class ContactErased {
  @Description('The erased contact. The only field: nothing about the person travels.')
  @IsUUID()
  readonly contactId: string;
}
