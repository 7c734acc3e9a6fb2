import {
  AcceptedCompaniesStayWithinCapacity,
  ApplicationsAreTakenOnlyWhileOpen,
  ApplicationsCloseAfterTheirLastDay,
  CapacityIsNotBelowAcceptedCompanies,
  scheduleProblems,
  TransitionIsAllowedFromStatus,
  TripHasNotStarted,
  TripIsCompletedFromItsFirstDay,
  TripIsEditableUntilCompletedOrCancelled,
} from './trip.rules';
import type { TripStatus } from './trip.entity';

const schedule = { startsOn: '2026-05-04', endsOn: '2026-05-07', applicationClosesOn: null, destinations: [{ country: 'PL', targetRegion: 'poznan', city: null }] };
const code = (rule: { error(): { getResponse(): unknown } }) => (rule.error().getResponse() as { error: string }).error;

describe('trip rules', () => {
  it('a trip cannot start in the past when it is created; today is fine; moving it later is not checked against today', () => {
    expect(scheduleProblems(schedule, '2026-05-05').map((p) => p.rule)).toEqual(['tripDoesNotStartInThePast']);
    expect(scheduleProblems(schedule, '2026-05-04')).toEqual([]);
    expect(scheduleProblems(schedule, null)).toEqual([]);
  });

  it('a trip ends on or after its first day, and applications close no later than it starts', () => {
    expect(scheduleProblems({ ...schedule, endsOn: '2026-05-04' }, null)).toEqual([]);
    expect(scheduleProblems({ ...schedule, endsOn: '2026-05-03' }, null).map((p) => p.field)).toEqual(['endsOn']);
    expect(scheduleProblems({ ...schedule, applicationClosesOn: '2026-05-04' }, null)).toEqual([]);
    expect(scheduleProblems({ ...schedule, applicationClosesOn: '2026-05-05' }, null).map((p) => p.field)).toEqual(['applicationClosesOn']);
  });

  it('a destination\'s target region lies in its country', () => {
    const destinations = [
      { country: 'IT', targetRegion: 'novara', city: 'Novara' },
      { country: 'FR', targetRegion: 'xian', city: null },
      { country: 'IN', targetRegion: null, city: 'Delhi' },
    ];
    expect(scheduleProblems({ ...schedule, destinations }, null)).toEqual([
      { field: 'destinations.1.targetRegion', rule: 'targetRegionInCountry', message: 'is in CN, not in FR' },
    ]);
  });

  it('the state machine: planned → open → closed → completed, cancelled before completion, reopened from closed', () => {
    const allowed = (status: TripStatus, transition: 'open' | 'close' | 'cancel' | 'complete') =>
      !new TransitionIsAllowedFromStatus({ id: 't', status }, transition).isBroken();
    expect(['planned', 'open', 'closed', 'completed', 'cancelled'].filter((s) => allowed(s as TripStatus, 'open'))).toEqual(['planned', 'closed']);
    expect(['planned', 'open', 'closed', 'completed', 'cancelled'].filter((s) => allowed(s as TripStatus, 'close'))).toEqual(['open']);
    expect(['planned', 'open', 'closed', 'completed', 'cancelled'].filter((s) => allowed(s as TripStatus, 'cancel'))).toEqual(['planned', 'open', 'closed']);
    expect(['planned', 'open', 'closed', 'completed', 'cancelled'].filter((s) => allowed(s as TripStatus, 'complete'))).toEqual(['open', 'closed']);
    expect(code(new TransitionIsAllowedFromStatus({ id: 't', status: 'cancelled' }, 'complete'))).toBe('TRIP_STATUS_CONFLICT');
  });

  it('a trip is editable until completed or cancelled', () => {
    expect(new TripIsEditableUntilCompletedOrCancelled({ id: 't', status: 'closed' }).isBroken()).toBe(false);
    expect(new TripIsEditableUntilCompletedOrCancelled({ id: 't', status: 'completed' }).isBroken()).toBe(true);
    expect(code(new TripIsEditableUntilCompletedOrCancelled({ id: 't', status: 'cancelled' }))).toBe('TRIP_NOT_EDITABLE');
  });

  it('applications are taken while open, through their last day, before the first day of the trip', () => {
    expect(new ApplicationsAreTakenOnlyWhileOpen({ id: 't', status: 'open' }).isBroken()).toBe(false);
    expect(code(new ApplicationsAreTakenOnlyWhileOpen({ id: 't', status: 'closed' }))).toBe('TRIP_NOT_OPEN');
    const trip = { id: 't', applicationClosesOn: '2026-04-20', startsOn: '2026-05-04' };
    expect(new ApplicationsCloseAfterTheirLastDay(trip, '2026-04-20').isBroken()).toBe(false);
    expect(new ApplicationsCloseAfterTheirLastDay(trip, '2026-04-21').isBroken()).toBe(true);
    expect(new ApplicationsCloseAfterTheirLastDay({ ...trip, applicationClosesOn: null }, '2026-05-03').isBroken()).toBe(false);
    expect(new TripHasNotStarted(trip, '2026-05-03', 'x').isBroken()).toBe(false);
    expect(code(new TripHasNotStarted(trip, '2026-05-04', 'x'))).toBe('TRIP_ALREADY_STARTED');
  });

  it('a trip is completed from its first day on', () => {
    expect(code(new TripIsCompletedFromItsFirstDay({ id: 't', startsOn: '2026-05-04' }, '2026-05-03'))).toBe('TRIP_NOT_STARTED');
    expect(new TripIsCompletedFromItsFirstDay({ id: 't', startsOn: '2026-05-04' }, '2026-05-04').isBroken()).toBe(false);
  });

  it('accepted companies stay within the capacity, and the capacity never drops below them', () => {
    expect(new AcceptedCompaniesStayWithinCapacity({ id: 't', capacity: 2, acceptedCount: 1 }).isBroken()).toBe(false);
    expect(code(new AcceptedCompaniesStayWithinCapacity({ id: 't', capacity: 2, acceptedCount: 2 }))).toBe('TRIP_FULL');
    expect(new AcceptedCompaniesStayWithinCapacity({ id: 't', capacity: null, acceptedCount: 500 }).isBroken()).toBe(false);
    expect(new CapacityIsNotBelowAcceptedCompanies(3, 3).isBroken()).toBe(false);
    expect(code(new CapacityIsNotBelowAcceptedCompanies(2, 3))).toBe('CAPACITY_BELOW_ACCEPTED');
    expect(new CapacityIsNotBelowAcceptedCompanies(null, 3).isBroken()).toBe(false);
  });
});
