import { type EventKind, MUNICIPALITIES, type Municipality, type RingKind } from '@globac/contracts';
import type { FieldProblem } from '@globac/http';
import type { BusinessRule } from '../business-rule';
import type { ProgrammeEvent } from './programme-event.entity';
import { AttendanceRecordedException, CapacityBelowRegisteredException, EventCancelledException } from './programme-events.exception';

/** The ring kind whose meetings an event kind is; undefined for kinds that are not ring meetings. */
export const RING_KIND_OF_MEETING: Partial<Record<EventKind, RingKind>> = {
  'export-ring-meeting': 'export-ring',
  'export-circle-meeting': 'export-circle',
};

export interface ScheduleFacts {
  kind: EventKind;
  startsAt: Date;
  endsAt: Date;
  registrationClosesAt: Date | null;
  ringId: string | null;
}

/**
 * What is wrong with an event's dates and ring link, one problem per field, named after the rule it
 * breaks: an event ends after it starts, registration closes no later than the start, and ring meetings
 * (and only they) belong to a ring. Checked on the whole event after a create or an update.
 */
export function scheduleProblems(facts: ScheduleFacts): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (facts.endsAt.getTime() <= facts.startsAt.getTime()) {
    problems.push({ field: 'endsAt', rule: 'eventEndsAfterItStarts', message: 'must be after startsAt' });
  }
  if (facts.registrationClosesAt && facts.registrationClosesAt.getTime() > facts.startsAt.getTime()) {
    problems.push({ field: 'registrationClosesAt', rule: 'registrationClosesNoLaterThanStart', message: 'must not be after startsAt' });
  }
  const ringKind = RING_KIND_OF_MEETING[facts.kind];
  if (ringKind && !facts.ringId) {
    problems.push({ field: 'ringId', rule: 'ringMeetingBelongsToARing', message: `is required for a ${facts.kind} (the ${ringKind} it is a meeting of)` });
  }
  if (!ringKind && facts.ringId) {
    problems.push({ field: 'ringId', rule: 'onlyRingMeetingsBelongToARing', message: 'is only for export-ring-meeting and export-circle-meeting events' });
  }
  return problems;
}

const swedishDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day (YYYY-MM-DD) an instant falls on in Sweden: the day people in the county mean. */
export function calendarDateInSweden(instant: Date): string {
  return swedishDate.format(instant);
}

/** The Västerbotten municipality a place is, when it is one (in Sweden); null elsewhere. */
export function municipalityOf(city: string, country: string): Municipality | null {
  if (country !== 'SE') return null;
  const name = city.trim();
  return MUNICIPALITIES.find((m) => m.localeCompare(name, 'sv', { sensitivity: 'accent' }) === 0) ?? null;
}

export function hasStarted(event: Pick<ProgrammeEvent, 'startsAt'>, now: Date): boolean {
  return now.getTime() >= event.startsAt.getTime();
}

/** A cancelled event takes no registrations, edits, attendance or exhibitors. */
export class EventIsNotCancelled implements BusinessRule {
  constructor(private readonly event: Pick<ProgrammeEvent, 'id' | 'status' | 'cancelledAt'>) {}
  isBroken() {
    return this.event.status === 'cancelled';
  }
  error() {
    return new EventCancelledException(this.event.id, this.event.cancelledAt);
  }
}

/** Lowering the capacity never takes a seat from someone who holds one. */
export class CapacityIsNotBelowRegisteredSeats implements BusinessRule {
  constructor(
    private readonly capacity: number | null,
    private readonly registered: number,
  ) {}
  isBroken() {
    return this.capacity !== null && this.capacity < this.registered;
  }
  error() {
    return new CapacityBelowRegisteredException(this.capacity ?? 0, this.registered);
  }
}

/** Once attendance is taken the event has happened: it may be moved, but not to a start still to come. */
export class EventWithAttendanceStaysStarted implements BusinessRule {
  constructor(
    private readonly eventId: string,
    private readonly attendanceTaken: boolean,
    private readonly newStartsAt: Date,
    private readonly now: Date,
  ) {}
  isBroken() {
    return this.attendanceTaken && this.newStartsAt.getTime() > this.now.getTime();
  }
  error() {
    return new AttendanceRecordedException(this.eventId);
  }
}
