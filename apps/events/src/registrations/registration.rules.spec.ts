import {
  allocateSeat,
  RegistrationIsCancelledOnlyBeforeEventStarts,
  RegistrationIsClosedOnceEventHasStarted,
  RegistrationIsClosedWhenDeadlinePassed,
  seatsToPromote,
} from './registration.rules';

const at = (iso: string) => new Date(iso);
const event = { id: 'e', startsAt: at('2026-03-12T08:30:00Z'), registrationClosesAt: at('2026-03-10T00:00:00Z') };

describe('registration rules', () => {
  it('registration is closed when the deadline passed', () => {
    expect(new RegistrationIsClosedWhenDeadlinePassed(event, at('2026-03-09T23:59:59Z')).isBroken()).toBe(false);
    expect(new RegistrationIsClosedWhenDeadlinePassed(event, at('2026-03-10T00:00:00Z')).isBroken()).toBe(true);
    expect(new RegistrationIsClosedWhenDeadlinePassed({ ...event, registrationClosesAt: null }, at('2026-03-12T08:00:00Z')).isBroken()).toBe(false);
    expect(new RegistrationIsClosedWhenDeadlinePassed(event, at('2026-03-11T00:00:00Z')).error().getResponse()).toMatchObject({ error: 'REGISTRATION_CLOSED' });
  });

  it('registration is closed once the event has started, and so is cancelling', () => {
    for (const Rule of [RegistrationIsClosedOnceEventHasStarted, RegistrationIsCancelledOnlyBeforeEventStarts]) {
      expect(new Rule(event, at('2026-03-12T08:29:59Z')).isBroken()).toBe(false);
      expect(new Rule(event, at('2026-03-12T08:30:00Z')).isBroken()).toBe(true);
      expect(new Rule(event, at('2026-03-12T08:30:00Z')).error().getResponse()).toMatchObject({ error: 'EVENT_ALREADY_STARTED' });
    }
  });

  it('a seat is given while seats remain, else the next waitlist position', () => {
    expect(allocateSeat({ capacity: 2, registeredCount: 1, waitlistedCount: 0, waitlistSeq: 0 })).toEqual({ status: 'registered', waitlistPosition: null });
    expect(allocateSeat({ capacity: 2, registeredCount: 2, waitlistedCount: 0, waitlistSeq: 0 })).toEqual({ status: 'waitlisted', waitlistPosition: 1 });
    expect(allocateSeat({ capacity: 2, registeredCount: 2, waitlistedCount: 3, waitlistSeq: 7 })).toEqual({ status: 'waitlisted', waitlistPosition: 8 });
    expect(allocateSeat({ capacity: null, registeredCount: 900, waitlistedCount: 0, waitlistSeq: 0 })).toEqual({ status: 'registered', waitlistPosition: null });
  });

  it('a newcomer never overtakes the waitlist, even if a seat is free', () => {
    expect(allocateSeat({ capacity: 3, registeredCount: 2, waitlistedCount: 1, waitlistSeq: 1 })).toEqual({ status: 'waitlisted', waitlistPosition: 2 });
  });

  it('promotes as many as there are free seats, or everyone without a limit', () => {
    expect(seatsToPromote({ capacity: 5, registeredCount: 3, waitlistedCount: 10, waitlistSeq: 10 })).toBe(2);
    expect(seatsToPromote({ capacity: 5, registeredCount: 3, waitlistedCount: 1, waitlistSeq: 10 })).toBe(1);
    expect(seatsToPromote({ capacity: 5, registeredCount: 5, waitlistedCount: 4, waitlistSeq: 4 })).toBe(0);
    expect(seatsToPromote({ capacity: null, registeredCount: 5, waitlistedCount: 4, waitlistSeq: 4 })).toBe(4);
  });
});
