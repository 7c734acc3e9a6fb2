import { IsBoolean, IsIn, IsUUID } from 'class-validator';
import { Description, IsInstant, Nullable } from '../field.decorators';
import { IntegrationEvent } from '../integration-event.decorator';
import { GENDERS, type Gender } from '../reference-data';

@IntegrationEvent({
  producer: 'events',
  aggregate: 'participant',
  event: 'registered',
  version: 1,
  description:
    'A company\'s participant signed up for a programme event (possibly on the waitlist), or a ring member company was ' +
    'invited to a ring meeting. No personal data: the registration id stands for the person.',
})
export class ParticipantRegistered {
  @Description('The registration: one participant at one event.')
  @IsUUID()
  readonly registrationId: string;

  @Description('The event.')
  @IsUUID()
  readonly eventId: string;

  @Description('The company the participant represents.')
  @IsUUID()
  readonly companyId: string;

  @Description('The contact (of the companies service) who takes part; null for a participant given by name, or not yet named.')
  @Nullable()
  @IsUUID()
  readonly contactId: string | null;

  @Description('The participant\'s gender as funders ask for it.')
  @IsIn(GENDERS)
  readonly participantGender: Gender;

  @Description('True when the event was full and the registration is on the waitlist.')
  @IsBoolean()
  readonly waitlisted: boolean;

  @Description('When the registration was made.')
  @IsInstant()
  readonly registeredAt: string;
}
