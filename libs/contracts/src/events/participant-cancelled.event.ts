import { IsBoolean, IsUUID } from 'class-validator';
import { Description, IsInstant } from '../field.decorators';
import { IntegrationEvent } from '../integration-event.decorator';

@IntegrationEvent({
  producer: 'events',
  aggregate: 'participant',
  event: 'cancelled',
  version: 1,
  description:
    'A registration was cancelled before the event (by the participant\'s company or by staff, or because the ' +
    'company left the export ring before the meeting). A cancelled event says so with EventCancelled instead.',
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

  @Description('True when the registration was on the waitlist (it freed no seat).')
  @IsBoolean()
  readonly wasWaitlisted: boolean;

  @Description('When it was cancelled.')
  @IsInstant()
  readonly cancelledAt: string;
}
