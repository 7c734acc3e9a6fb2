import { IsUUID } from 'class-validator';
import { Description, IsInstant, Nullable } from '../field.decorators';
import { IntegrationEvent } from '../integration-event.decorator';

@IntegrationEvent({
  producer: 'events',
  aggregate: 'participant',
  event: 'promoted',
  version: 1,
  description:
    'A waitlisted registration got a seat: another participant cancelled, or the event\'s capacity was raised. The ' +
    'first on the waitlist is promoted first.',
})
export class ParticipantPromoted {
  @Description('The registration that moved from the waitlist to a seat.')
  @IsUUID()
  readonly registrationId: string;

  @Description('The event.')
  @IsUUID()
  readonly eventId: string;

  @Description('The company the participant represents.')
  @IsUUID()
  readonly companyId: string;

  @Description('The cancelled registration whose seat it took; null when the capacity was raised.')
  @Nullable()
  @IsUUID()
  readonly replacesRegistrationId: string | null;

  @Description('When it was promoted.')
  @IsInstant()
  readonly promotedAt: string;
}
