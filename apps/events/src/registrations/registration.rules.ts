import type { BusinessRule } from '../business-rule';
import type { ProgrammeEvent } from '../programme-events/programme-event.entity';
import { hasStarted } from '../programme-events/programme-event.rules';
import { EventAlreadyStartedException } from '../programme-events/programme-events.exception';
import { RegistrationClosedException } from './registrations.exception';

type EventTimes = Pick<ProgrammeEvent, 'id' | 'startsAt' | 'registrationClosesAt'>;

/** No sign-up once the registration deadline has passed. */
export class RegistrationIsClosedWhenDeadlinePassed implements BusinessRule {
  constructor(
    private readonly event: EventTimes,
    private readonly now: Date,
  ) {}
  isBroken() {
    return this.event.registrationClosesAt !== null && this.now.getTime() >= this.event.registrationClosesAt.getTime();
  }
  error() {
    return new RegistrationClosedException(this.event.id, this.event.registrationClosesAt!);
  }
}

/** No sign-up for an event that has started (or is over), whatever its deadline. */
export class RegistrationIsClosedOnceEventHasStarted implements BusinessRule {
  constructor(
    private readonly event: EventTimes,
    private readonly now: Date,
  ) {}
  isBroken() {
    return hasStarted(this.event, this.now);
  }
  error() {
    return new EventAlreadyStartedException(this.event.id, this.event.startsAt, 'registration is closed');
  }
}

/** A registration is cancelled before the event; afterwards, a no-show is recorded as attendance false. */
export class RegistrationIsCancelledOnlyBeforeEventStarts implements BusinessRule {
  constructor(
    private readonly event: EventTimes,
    private readonly now: Date,
  ) {}
  isBroken() {
    return hasStarted(this.event, this.now);
  }
  error() {
    return new EventAlreadyStartedException(this.event.id, this.event.startsAt, 'record a no-show as attendance false instead of cancelling');
  }
}

export type Seat = { status: 'registered'; waitlistPosition: null } | { status: 'waitlisted'; waitlistPosition: number };

type SeatCounters = Pick<ProgrammeEvent, 'capacity' | 'registeredCount' | 'waitlistedCount' | 'waitlistSeq'>;

/**
 * A seat is given while seats remain; otherwise the next waitlist position. While anyone waits, a
 * newcomer waits too (seats freed go to the waitlist first), so the order is kept even if a promotion
 * were ever missed.
 */
export function allocateSeat(event: SeatCounters): Seat {
  const seatFree = event.capacity === null || event.registeredCount < event.capacity;
  if (seatFree && event.waitlistedCount === 0) return { status: 'registered', waitlistPosition: null };
  return { status: 'waitlisted', waitlistPosition: event.waitlistSeq + 1 };
}

/** How many of the waitlist get a seat now: as many as there are free seats, or everyone without a limit. */
export function seatsToPromote(event: SeatCounters): number {
  if (event.capacity === null) return event.waitlistedCount;
  return Math.max(0, Math.min(event.waitlistedCount, event.capacity - event.registeredCount));
}
