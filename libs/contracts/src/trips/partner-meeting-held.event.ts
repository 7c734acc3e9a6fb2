import { IsIn, IsInt, IsISO31661Alpha2, IsOptional, IsString, IsUUID, Length, Min } from 'class-validator';
import { Description, IsCalendarDate, IsCode, IsInstant, Nullable } from '../field.decorators';
import { IntegrationEvent } from '../integration-event.decorator';
import { MEETING_OUTCOMES, type MeetingOutcome } from '../reference-data';

@IntegrationEvent({
  producer: 'trips',
  aggregate: 'partner-meeting',
  event: 'held',
  version: 1,
  description:
    'A B2B meeting between a travelling company and a partner organisation abroad took place. The companies service ' +
    'moves the relationship on from it; reporting counts meetings and new relationships.',
})
export class PartnerMeetingHeld {
  @Description('The meeting.')
  @IsUUID()
  readonly meetingId: string;

  @Description('The trip it took place on.')
  @IsUUID()
  readonly tripId: string;

  @Description('The county company.')
  @IsUUID()
  readonly companyId: string;

  @Description('The partner, when it is already known to the companies service; otherwise null and partnerName is set.')
  @Nullable()
  @IsUUID()
  readonly partnerId: string | null;

  @Description('The partner organisation\'s name (an organisation, never a person) when partnerId is null; else null.')
  @Nullable((meeting: PartnerMeetingHeld) => meeting.partnerId === null || meeting.partnerName !== null)
  @IsString({ message: '$property must name the partner organisation when partnerId is null' })
  @Length(1, 200)
  readonly partnerName: string | null;

  @Description('The partner\'s country, ISO 3166-1 alpha-2.')
  @IsISO31661Alpha2()
  readonly partnerCountry: string;

  @Description('When the meeting was held.')
  @IsInstant()
  readonly heldAt: string;

  @Description('How it ended.')
  @IsIn(MEETING_OUTCOMES)
  readonly outcome: MeetingOutcome;

  @Description('The agreed follow-up day, if any.')
  @Nullable()
  @IsCalendarDate()
  readonly followUpOn: string | null;

  @Description(
    'The programme\'s target region the partner is in (e.g. poznan), when the trip knows it: lets the companies service ' +
      'register a partner given by name in its region. Absent in events published before it was added.',
  )
  @IsOptional()
  @IsCode()
  readonly partnerTargetRegion?: string;

  @Description(
    'Which recording of this meeting\'s outcome this is: 1 for the first, +1 for each change. A higher revision corrects ' +
      'a lower one for the same meetingId (never a second meeting); a lower one arriving late is stale. Absent means 1.',
  )
  @IsOptional()
  @IsInt()
  @Min(1)
  readonly revision?: number;
}
