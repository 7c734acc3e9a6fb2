import { IsUUID } from 'class-validator';
import { Description, IsInstant } from '../field.decorators';
import { IntegrationEvent } from '../integration-event.decorator';

@IntegrationEvent({
  producer: 'events',
  aggregate: 'participant',
  event: 'cancelled',
  version: 1,
  description: 'A participant cancelled a registration before the event.',
})
export class ParticipantCancelled {
  @Description('The cancelled registration.')
  @IsUUID()
  readonly registrationId: string;

  @Description('The event.')
  @IsUUID()
  readonly eventId: string;

  @Description('The company the participant represents.')
  @IsUUID()
  readonly companyId: string;

  @Description('When it was cancelled.')
  @IsInstant()
  readonly cancelledAt: string;
}
