import { GENDERS, type Gender } from '@globac/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { PARTICIPANT_STATUSES, type Participant, type ParticipantStatus } from '../participant.entity';
import type { Traveller } from '../traveller.entity';

export class TravellerViewDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null for a traveller given by name, or once erased' })
  contactId: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Null for a contact, once erased, or for a financier' })
  name: string | null;

  @ApiProperty({ type: String, format: 'email', nullable: true, description: 'For a traveller given by name; null for a contact, once erased, or for a financier' })
  email: string | null;

  @ApiProperty({ type: String, enum: GENDERS })
  gender: Gender;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the name and address were erased; null if never' })
  personalDataErasedAt: string | null;
}

export class ParticipantDto {
  @ApiProperty({ type: String, format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, format: 'uuid' })
  tripId: string;

  @ApiProperty({ type: String, format: 'uuid' })
  companyId: string;

  @ApiProperty({ type: String, enum: PARTICIPANT_STATUSES })
  status: ParticipantStatus;

  @ApiProperty({ type: TravellerViewDto, isArray: true })
  travellers: TravellerViewDto[];

  @ApiProperty({ type: String, format: 'date-time' })
  appliedAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  decidedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  withdrawnAt: string | null;

  /** `withPersonalData: false` for readers who need the facts, not the people (financiers). */
  static from(participant: Participant, travellers: Traveller[], withPersonalData = true): ParticipantDto {
    return {
      id: participant.id,
      tripId: participant.tripId,
      companyId: participant.companyId,
      status: participant.status,
      travellers: [...travellers]
        .sort((a, b) => a.position - b.position)
        .map((t) => ({
          contactId: withPersonalData ? t.contactId : null,
          name: withPersonalData ? t.name : null,
          email: withPersonalData ? t.email : null,
          gender: t.gender,
          personalDataErasedAt: t.personalDataErasedAt?.toISOString() ?? null,
        })),
      appliedAt: participant.appliedAt.toISOString(),
      decidedAt: participant.decidedAt?.toISOString() ?? null,
      withdrawnAt: participant.withdrawnAt?.toISOString() ?? null,
    };
  }
}
