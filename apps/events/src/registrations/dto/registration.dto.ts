import { GENDERS, type Gender } from '@globac/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REGISTRATION_SOURCES, REGISTRATION_STATUSES, type Registration, type RegistrationSource, type RegistrationStatus } from '../registration.entity';

export const PARTICIPANT_VIEW_KINDS = ['contact', 'person', 'unnamed', 'erased'] as const;

export class ParticipantViewDto {
  @ApiProperty({
    enum: PARTICIPANT_VIEW_KINDS,
    description: 'contact: a contact of the companies service; person: given by name; unnamed: a ring member invited, not named yet; erased: personal data erased',
  })
  kind: (typeof PARTICIPANT_VIEW_KINDS)[number];

  @ApiPropertyOptional({ format: 'uuid' })
  contactId?: string;

  @ApiPropertyOptional()
  name?: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  email?: string | null;

  @ApiProperty({ enum: GENDERS })
  gender: Gender;
}

export class AttendanceViewDto {
  @ApiProperty()
  attended: boolean;

  @ApiProperty({ example: 3.5, description: 'Hours credited; 0 for a no-show' })
  hours: number;

  @ApiProperty({ format: 'date-time' })
  recordedAt: string;
}

export class RegistrationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  eventId: string;

  @ApiProperty({ format: 'uuid' })
  companyId: string;

  @ApiProperty({ enum: REGISTRATION_STATUSES })
  status: RegistrationStatus;

  @ApiProperty({
    nullable: true,
    type: 'integer',
    example: null,
    description: 'While waitlisted: the place in the waitlist\'s order (1 is served first); positions are not renumbered when others leave',
  })
  waitlistPosition: number | null;

  @ApiProperty({ type: ParticipantViewDto })
  participant: ParticipantViewDto;

  @ApiProperty({ enum: REGISTRATION_SOURCES })
  source: RegistrationSource;

  @ApiProperty({ format: 'date-time' })
  registeredAt: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  promotedAt: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  cancelledAt: string | null;

  @ApiProperty({ type: AttendanceViewDto, nullable: true, description: 'Null until attendance is taken' })
  attendance: AttendanceViewDto | null;

  static from(r: Registration): RegistrationDto {
    return {
      id: r.id,
      eventId: r.eventId,
      companyId: r.companyId,
      status: r.status,
      waitlistPosition: r.status === 'waitlisted' ? r.waitlistPosition : null,
      participant: participantView(r),
      source: r.source,
      registeredAt: r.registeredAt.toISOString(),
      promotedAt: r.promotedAt?.toISOString() ?? null,
      cancelledAt: r.cancelledAt?.toISOString() ?? null,
      attendance:
        r.attended === null || !r.attendanceRecordedAt
          ? null
          : { attended: r.attended, hours: r.hours ?? 0, recordedAt: r.attendanceRecordedAt.toISOString() },
    };
  }
}

function participantView(r: Registration): ParticipantViewDto {
  if (r.personalDataErasedAt) return { kind: 'erased', gender: r.gender };
  switch (r.participantKind) {
    case 'contact':
      return { kind: 'contact', contactId: r.contactId!, gender: r.gender };
    case 'person':
      return { kind: 'person', name: r.name!, email: r.email, gender: r.gender };
    case 'unnamed':
      return { kind: 'unnamed', gender: r.gender };
  }
}
