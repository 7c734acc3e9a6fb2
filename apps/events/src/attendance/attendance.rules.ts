import type { BusinessRule } from '../business-rule';
import type { ProgrammeEvent } from '../programme-events/programme-event.entity';
import { hasStarted } from '../programme-events/programme-event.rules';
import { EventNotStartedException } from '../programme-events/programme-events.exception';
import type { Registration } from '../registrations/registration.entity';
import { NotRegisteredException } from './attendance.exception';

/** The most hours one attendance credits. */
export const MAX_HOURS = 24;

/** Attendance is taken once the event has started, not before. */
export class AttendanceIsTakenOnlyOnceEventHasStarted implements BusinessRule {
  constructor(
    private readonly event: Pick<ProgrammeEvent, 'id' | 'startsAt'>,
    private readonly now: Date,
  ) {}
  isBroken() {
    return !hasStarted(this.event, this.now);
  }
  error() {
    return new EventNotStartedException(this.event.id, this.event.startsAt);
  }
}

/** Only a registration holding a seat can attend (not a waitlisted or cancelled one). */
export class OnlyRegisteredParticipantsAttend implements BusinessRule {
  constructor(private readonly registration: Pick<Registration, 'id' | 'status'>) {}
  isBroken() {
    return this.registration.status !== 'registered';
  }
  error() {
    return new NotRegisteredException(this.registration.id, this.registration.status);
  }
}

/**
 * The hours credited: none for a no-show; as given; or, when not given, the event's length up to a
 * day's maximum (a multi-day fair credits one day unless staff say otherwise), to the quarter hour.
 */
export function creditedHours(event: Pick<ProgrammeEvent, 'startsAt' | 'endsAt'>, attended: boolean, hours?: number): number {
  if (!attended) return 0;
  if (hours !== undefined) return hours;
  const length = (event.endsAt.getTime() - event.startsAt.getTime()) / 3_600_000;
  return Math.min(MAX_HOURS, Math.max(0.25, Math.round(length * 4) / 4));
}

export type AttendanceChange = 'first' | 'correction' | 'unchanged';

/** The first mark is reported as ParticipantAttended, any different later one as AttendanceCorrected, the same again not at all. */
export function attendanceChange(registration: Pick<Registration, 'attended' | 'hours'>, attended: boolean, hours: number): AttendanceChange {
  if (registration.attended === null) return 'first';
  return registration.attended === attended && registration.hours === hours ? 'unchanged' : 'correction';
}
