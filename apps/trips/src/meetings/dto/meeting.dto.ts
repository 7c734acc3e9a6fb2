import { MEETING_OUTCOMES, type MeetingOutcome } from '@globac/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { TARGET_REGIONS } from '../../target-regions';
import type { PartnerMeeting } from '../partner-meeting.entity';

export class MeetingPartnerDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null until the companies service has registered a partner given by name' })
  id: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'As given by name; null for a partner given by id' })
  name: string | null;

  @ApiProperty({ type: String, example: 'PL', description: 'ISO 3166-1 alpha-2' })
  countryCode: string;

  @ApiProperty({ type: String, enum: TARGET_REGIONS, nullable: true, example: 'poznan' })
  targetRegion: string | null;
}

export class MeetingDto {
  @ApiProperty({ type: String, format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, format: 'uuid' })
  tripId: string;

  @ApiProperty({ type: String, format: 'uuid' })
  companyId: string;

  @ApiProperty({ type: MeetingPartnerDto })
  partner: MeetingPartnerDto;

  @ApiProperty({ type: String, format: 'date-time' })
  at: string;

  @ApiProperty({ type: String, nullable: true })
  place: string | null;

  @ApiProperty({ type: String, enum: MEETING_OUTCOMES, nullable: true, description: 'Null until recorded' })
  outcome: MeetingOutcome | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  followUpOn: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Staff notes; null for a company user' })
  notes: string | null;

  @ApiProperty({ type: 'integer', description: '0 until an outcome is recorded, +1 with each change published' })
  outcomeRevision: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  outcomeRecordedAt: string | null;

  /** `withNotes: false` for company users: staff notes are the programme's own. */
  static from(meeting: PartnerMeeting, withNotes = true): MeetingDto {
    return {
      id: meeting.id,
      tripId: meeting.tripId,
      companyId: meeting.companyId,
      partner: { id: meeting.partnerId, name: meeting.partnerName, countryCode: meeting.partnerCountry, targetRegion: meeting.partnerTargetRegion },
      at: meeting.heldAt.toISOString(),
      place: meeting.place,
      outcome: meeting.outcome,
      followUpOn: meeting.followUpOn,
      notes: withNotes ? meeting.notes : null,
      outcomeRevision: meeting.outcomeRevision,
      outcomeRecordedAt: meeting.outcomeRecordedAt?.toISOString() ?? null,
    };
  }
}
