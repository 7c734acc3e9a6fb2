import { randomUUID } from 'node:crypto';
import { AttendanceCorrected, ParticipantAttended } from '@globac/contracts';
import { type FieldProblem, ValidationFailedException } from '@globac/http';
import { OutboxService } from '@globac/messaging';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, Not, IsNull } from 'typeorm';
import { checkRules } from '../business-rule';
import type { ProgrammeEvent } from '../programme-events/programme-event.entity';
import { EventIsNotCancelled } from '../programme-events/programme-event.rules';
import { RegistrationDto } from '../registrations/dto/registration.dto';
import { Registration } from '../registrations/registration.entity';
import { RegistrationNotFoundException } from '../registrations/registrations.exception';
import { SeatsService } from '../registrations/seats.service';
import { attendanceRecord } from './attendance-record';
import { attendanceChange, AttendanceIsTakenOnlyOnceEventHasStarted, creditedHours, OnlyRegisteredParticipantsAttend } from './attendance.rules';
import type { AttendanceEntryDto, BulkAttendanceDto } from './dto/bulk-attendance.dto';
import type { RecordAttendanceDto } from './dto/record-attendance.dto';

@Injectable()
export class AttendanceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly seats: SeatsService,
    private readonly outbox: OutboxService,
  ) {}

  /** Takes (or corrects) one participant's attendance. */
  async record(eventId: string, registrationId: string, dto: RecordAttendanceDto): Promise<RegistrationDto> {
    const now = new Date();
    return this.dataSource.transaction(async (manager) => {
      const event = await this.lockEventForAttendance(manager, eventId, now);
      const registration = await manager.findOne(Registration, { where: { id: registrationId, eventId } });
      if (!registration) throw new RegistrationNotFoundException(registrationId);
      checkRules(new OnlyRegisteredParticipantsAttend(registration));
      await this.apply(manager, event, registration, dto, now);
      return RegistrationDto.from(registration);
    });
  }

  /** Takes attendance for a list of registrations: all of it, or (naming every bad entry) none of it. */
  async recordMany(eventId: string, dto: BulkAttendanceDto): Promise<RegistrationDto[]> {
    const now = new Date();
    return this.dataSource.transaction(async (manager) => {
      const event = await this.lockEventForAttendance(manager, eventId, now);
      const ids = dto.entries.map((e) => e.registrationId);
      const found = new Map((await manager.find(Registration, { where: { id: In(ids), eventId } })).map((r) => [r.id, r]));
      const problems = entryProblems(dto.entries, found);
      if (problems.length) throw new ValidationFailedException(problems);
      const done: RegistrationDto[] = [];
      for (const entry of dto.entries) {
        const registration = found.get(entry.registrationId)!;
        await this.apply(manager, event, registration, entry, now);
        done.push(RegistrationDto.from(registration));
      }
      return done;
    });
  }

  /**
   * Re-reports the attendance taken for an event whose reported facts (topic, date, financiers) changed:
   * each record is replaced by a correction carrying the new facts. Called in the update's transaction.
   */
  async reissueForEvent(manager: EntityManager, event: ProgrammeEvent): Promise<number> {
    const taken = await manager.find(Registration, { where: { eventId: event.id, attendanceEventId: Not(IsNull()) }, order: { id: 'ASC' } });
    const corrections = taken.map((registration) => ({
      id: randomUUID(),
      data: { ...attendanceRecord(event, registration), correctsEventId: registration.attendanceEventId! },
    }));
    if (!corrections.length) return 0;
    await manager.query(
      'UPDATE registration SET attendance_event_id = c.event_id FROM unnest($1::uuid[], $2::uuid[]) AS c(id, event_id) WHERE registration.id = c.id',
      [taken.map((r) => r.id), corrections.map((c) => c.id)],
    );
    await this.outbox.addMany(manager, AttendanceCorrected, corrections);
    return corrections.length;
  }

  /** Whether attendance has been taken for any registration of the event. */
  hasAttendance(manager: EntityManager, eventId: string): Promise<boolean> {
    return manager.exists(Registration, { where: { eventId, attended: Not(IsNull()) } });
  }

  // Under the event's lock, like every change to its registrations: a cancellation cannot slip in between.
  private async lockEventForAttendance(manager: EntityManager, eventId: string, now: Date): Promise<ProgrammeEvent> {
    const event = await this.seats.lockEvent(manager, eventId);
    checkRules(new EventIsNotCancelled(event), new AttendanceIsTakenOnlyOnceEventHasStarted(event, now));
    return event;
  }

  private async apply(manager: EntityManager, event: ProgrammeEvent, registration: Registration, dto: RecordAttendanceDto, now: Date) {
    const hours = creditedHours(event, dto.attended, dto.hours);
    const change = attendanceChange(registration, dto.attended, hours);
    if (change === 'unchanged') return;
    const corrects = registration.attendanceEventId;
    // The event's id is kept on the registration: the next correction names it as what it corrects.
    const attendanceEventId = randomUUID();
    const columns = { attended: dto.attended, hours, attendanceRecordedAt: now, attendanceEventId };
    await manager.update(Registration, { id: registration.id }, columns);
    Object.assign(registration, columns);
    const record = attendanceRecord(event, registration);
    if (change === 'first') await this.outbox.add(manager, ParticipantAttended, record, { id: attendanceEventId });
    else await this.outbox.add(manager, AttendanceCorrected, { ...record, correctsEventId: corrects! }, { id: attendanceEventId });
  }
}

/** Every bad entry of a bulk check-in, by its index in the list. */
function entryProblems(entries: AttendanceEntryDto[], found: Map<string, Registration>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  entries.forEach((entry, i) => {
    const field = `entries.${i}.registrationId`;
    const registration = found.get(entry.registrationId);
    if (seen.has(entry.registrationId)) problems.push({ field, rule: 'oneEntryPerRegistration', message: 'appears more than once in the list' });
    else if (!registration) problems.push({ field, rule: 'registrationExists', message: 'is not a registration of this event' });
    else if (new OnlyRegisteredParticipantsAttend(registration).isBroken()) {
      problems.push({ field, rule: 'onlyRegisteredParticipantsAttend', message: `is ${registration.status}: only registered participants attend` });
    }
    seen.add(entry.registrationId);
  });
  return problems;
}
