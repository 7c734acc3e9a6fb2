import { EVENT_KINDS, EVENT_TOPICS, type EventKind, type EventTopic, FINANCIERS, type Financier } from '@globac/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { PROGRAMME_EVENT_STATUSES, type ProgrammeEvent, type ProgrammeEventStatus } from '../programme-event.entity';
import { LocationDto } from './location.dto';

export class SeatsDto {
  @ApiProperty({ type: 'integer', example: 38, description: 'Registrations holding a seat' })
  registered: number;

  @ApiProperty({ type: 'integer', example: 0, description: 'Registrations on the waitlist' })
  waitlisted: number;

  @ApiProperty({ example: 2, nullable: true, type: 'integer', description: 'Free seats; null for no limit' })
  available: number | null;
}

export class ProgrammeEventDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: EVENT_KINDS })
  kind: EventKind;

  @ApiProperty({ example: 'Transport and logistics to Poland' })
  title: string;

  @ApiProperty({ enum: EVENT_TOPICS })
  topic: EventTopic;

  @ApiProperty({ format: 'date-time' })
  startsAt: string;

  @ApiProperty({ format: 'date-time' })
  endsAt: string;

  @ApiProperty({ type: LocationDto })
  location: LocationDto;

  @ApiProperty({ nullable: true, type: 'integer', example: 40 })
  capacity: number | null;

  @ApiProperty({ nullable: true, type: String, example: 'PL' })
  targetCountry: string | null;

  @ApiProperty({ enum: FINANCIERS, isArray: true })
  financiers: Financier[];

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  registrationClosesAt: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  ringId: string | null;

  @ApiProperty({ enum: PROGRAMME_EVENT_STATUSES })
  status: ProgrammeEventStatus;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  cancelledAt: string | null;

  @ApiProperty({ type: SeatsDto })
  seats: SeatsDto;

  @ApiProperty({ type: 'integer', example: 1, description: '1 when scheduled, +1 with each update' })
  revision: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  static from(event: ProgrammeEvent): ProgrammeEventDto {
    return {
      id: event.id,
      kind: event.kind,
      title: event.title,
      topic: event.topic,
      startsAt: event.startsAt.toISOString(),
      endsAt: event.endsAt.toISOString(),
      location: { city: event.city, country: event.country },
      capacity: event.capacity,
      targetCountry: event.targetCountry,
      financiers: event.financiers,
      registrationClosesAt: event.registrationClosesAt?.toISOString() ?? null,
      ringId: event.ringId,
      status: event.status,
      cancelledAt: event.cancelledAt?.toISOString() ?? null,
      seats: {
        registered: event.registeredCount,
        waitlisted: event.waitlistedCount,
        available: event.capacity === null ? null : Math.max(0, event.capacity - event.registeredCount),
      },
      revision: event.revision,
      createdAt: event.createdAt.toISOString(),
      updatedAt: event.updatedAt.toISOString(),
    };
  }
}
