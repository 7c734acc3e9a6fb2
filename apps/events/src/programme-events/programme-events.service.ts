import type { Principal } from '@globac/auth';
import { EventCancelled, EventScheduled, EventUpdated } from '@globac/contracts';
import { type Page, toPage, ValidationFailedException } from '@globac/http';
import { OutboxService } from '@globac/messaging';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, Not } from 'typeorm';
import { AttendanceService } from '../attendance/attendance.service';
import { checkRules } from '../business-rule';
import { RingMeetingsService } from '../export-rings/ring-meetings.service';
import { Registration } from '../registrations/registration.entity';
import { SeatsService } from '../registrations/seats.service';
import type { CreateProgrammeEventDto } from './dto/create-programme-event.dto';
import type { ListProgrammeEventsQueryDto } from './dto/list-programme-events.query.dto';
import { ProgrammeEventDto } from './dto/programme-event.dto';
import type { UpdateProgrammeEventDto } from './dto/update-programme-event.dto';
import { eventDetails } from './event-details';
import { ProgrammeEvent } from './programme-event.entity';
import {
  calendarDateInSweden,
  CapacityIsNotBelowRegisteredSeats,
  EventIsNotCancelled,
  EventWithAttendanceStaysStarted,
  scheduleProblems,
} from './programme-event.rules';
import { ProgrammeEventNotFoundException } from './programme-events.exception';

const instant = (value: string | null | undefined) => (value ? new Date(value) : null);

@Injectable()
export class ProgrammeEventsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly seats: SeatsService,
    private readonly attendance: AttendanceService,
    private readonly ringMeetings: RingMeetingsService,
    private readonly outbox: OutboxService,
  ) {}

  /** Schedules an event; a ring meeting invites the ring's members on its day in the same transaction. */
  async create(dto: CreateProgrammeEventDto, principal: Principal): Promise<ProgrammeEventDto> {
    const details = {
      kind: dto.kind,
      title: dto.title,
      topic: dto.topic,
      startsAt: new Date(dto.startsAt),
      endsAt: new Date(dto.endsAt),
      city: dto.location.city,
      country: dto.location.country,
      targetCountry: dto.targetCountry ?? null,
      capacity: dto.capacity ?? null,
      financiers: dto.financiers ?? [],
      registrationClosesAt: instant(dto.registrationClosesAt),
      ringId: dto.ringId ?? null,
    };
    const problems = scheduleProblems(details);
    if (problems.length) throw new ValidationFailedException(problems);
    const now = new Date();
    return this.dataSource.transaction(async (manager) => {
      if (details.ringId) await this.ringMeetings.lockRingForMeeting(manager, details.ringId, details.kind);
      const { identifiers } = await manager.insert(ProgrammeEvent, details);
      const event = await manager.findOneByOrFail(ProgrammeEvent, { id: identifiers[0].id as string });
      // Scheduled first, so that consumers know the event before its invitations' ParticipantRegistered.
      await this.outbox.add(manager, EventScheduled, eventDetails(event));
      if (event.ringId) await this.ringMeetings.inviteMembers(manager, event, principal.subject, now);
      return ProgrammeEventDto.from(await this.find(manager, event.id));
    });
  }

  async list(query: ListProgrammeEventsQueryDto): Promise<Page<ProgrammeEventDto>> {
    const qb = this.dataSource.manager.createQueryBuilder(ProgrammeEvent, 'e').orderBy('e.starts_at', 'ASC').addOrderBy('e.id', 'ASC');
    if (query.kind) qb.andWhere('e.kind = :kind', { kind: query.kind });
    if (query.topic) qb.andWhere('e.topic = :topic', { topic: query.topic });
    if (query.status) qb.andWhere('e.status = :status', { status: query.status });
    if (query.ringId) qb.andWhere('e.ring_id = :ringId', { ringId: query.ringId });
    if (query.financier) qb.andWhere(':financier = ANY(e.financiers)', { financier: query.financier });
    if (query.targetCountry) qb.andWhere('e.target_country = :targetCountry', { targetCountry: query.targetCountry });
    if (query.startsFrom) qb.andWhere('e.starts_at >= :startsFrom', { startsFrom: new Date(query.startsFrom) });
    if (query.startsBefore) qb.andWhere('e.starts_at < :startsBefore', { startsBefore: new Date(query.startsBefore) });
    const [items, total] = await qb.skip(query.offset).take(query.pageSize).getManyAndCount();
    return toPage(items.map(ProgrammeEventDto.from), total, query);
  }

  async get(id: string): Promise<ProgrammeEventDto> {
    const event = await this.dataSource.manager.findOne(ProgrammeEvent, { where: { id } });
    if (!event) throw new ProgrammeEventNotFoundException(id);
    return ProgrammeEventDto.from(event);
  }

  /**
   * Changes an event's details under its lock. More seats (or no limit) promote the waitlist; a change
   * of a fact that attendance reports carry (topic, day, financiers) re-reports the attendance taken.
   */
  async update(id: string, dto: UpdateProgrammeEventDto): Promise<ProgrammeEventDto> {
    const now = new Date();
    return this.dataSource.transaction(async (manager) => {
      const event = await this.seats.lockEvent(manager, id);
      checkRules(new EventIsNotCancelled(event));
      const next = {
        title: dto.title ?? event.title,
        topic: dto.topic ?? event.topic,
        startsAt: dto.startsAt ? new Date(dto.startsAt) : event.startsAt,
        endsAt: dto.endsAt ? new Date(dto.endsAt) : event.endsAt,
        city: dto.location?.city ?? event.city,
        country: dto.location?.country ?? event.country,
        targetCountry: dto.targetCountry === undefined ? event.targetCountry : dto.targetCountry,
        capacity: dto.capacity === undefined ? event.capacity : dto.capacity,
        financiers: dto.financiers ?? event.financiers,
        registrationClosesAt: dto.registrationClosesAt === undefined ? event.registrationClosesAt : instant(dto.registrationClosesAt),
      };
      const problems = scheduleProblems({ ...next, kind: event.kind, ringId: event.ringId });
      if (problems.length) throw new ValidationFailedException(problems);
      if (!changed(event, next)) return ProgrammeEventDto.from(event);
      checkRules(new CapacityIsNotBelowRegisteredSeats(next.capacity, event.registeredCount));
      const startMoved = next.startsAt.getTime() !== event.startsAt.getTime();
      if (startMoved) checkRules(new EventWithAttendanceStaysStarted(event.id, await this.attendance.hasAttendance(manager, event.id), next.startsAt, now));
      const reportedFactsChanged =
        next.topic !== event.topic ||
        calendarDateInSweden(next.startsAt) !== calendarDateInSweden(event.startsAt) ||
        next.financiers.join() !== event.financiers.join();

      Object.assign(event, next, { revision: event.revision + 1 });
      await manager.update(ProgrammeEvent, { id }, { ...next, revision: event.revision });
      await this.outbox.add(manager, EventUpdated, eventDetails(event));
      await this.seats.promote(manager, event, now);
      if (reportedFactsChanged) await this.attendance.reissueForEvent(manager, event);
      return ProgrammeEventDto.from(await manager.findOneByOrFail(ProgrammeEvent, { id }));
    });
  }

  /** Cancels an event and every active registration of it; the companies are told through EventCancelled. */
  async cancel(id: string): Promise<ProgrammeEventDto> {
    const now = new Date();
    return this.dataSource.transaction(async (manager) => {
      const event = await this.seats.lockEvent(manager, id);
      checkRules(new EventIsNotCancelled(event));
      const active = await manager.find(Registration, { where: { eventId: id, status: Not('cancelled') }, order: { id: 'ASC' } });
      await this.seats.cancel(manager, event, active, 'event-cancelled', now);
      await manager.update(ProgrammeEvent, { id }, { status: 'cancelled', cancelledAt: now });
      await this.outbox.add(manager, EventCancelled, {
        eventId: id,
        affectedRegistrationIds: active.map((r) => r.id),
        affectedCompanyIds: [...new Set(active.map((r) => r.companyId))],
        cancelledAt: now.toISOString(),
      });
      return ProgrammeEventDto.from(await this.find(manager, id));
    });
  }

  private async find(manager: EntityManager, id: string): Promise<ProgrammeEvent> {
    const event = await manager.findOne(ProgrammeEvent, { where: { id } });
    if (!event) throw new ProgrammeEventNotFoundException(id);
    return event;
  }
}

type EditableDetails = Pick<
  ProgrammeEvent,
  'title' | 'topic' | 'startsAt' | 'endsAt' | 'city' | 'country' | 'targetCountry' | 'capacity' | 'financiers' | 'registrationClosesAt'
>;

function changed(event: ProgrammeEvent, next: EditableDetails): boolean {
  return (Object.keys(next) as (keyof EditableDetails)[]).some((key) => {
    const [a, b] = [event[key], next[key]];
    if (a instanceof Date || b instanceof Date) return (a as Date | null)?.getTime() !== (b as Date | null)?.getTime();
    if (Array.isArray(a) && Array.isArray(b)) return a.join() !== b.join();
    return a !== b;
  });
}
