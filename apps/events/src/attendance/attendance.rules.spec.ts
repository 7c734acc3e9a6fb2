import { attendanceChange, AttendanceIsTakenOnlyOnceEventHasStarted, creditedHours, OnlyRegisteredParticipantsAttend } from './attendance.rules';

const at = (iso: string) => new Date(iso);
const event = { id: 'e', startsAt: at('2026-03-12T08:30:00Z'), endsAt: at('2026-03-12T12:00:00Z') };

describe('attendance rules', () => {
  it('attendance is taken only once the event has started', () => {
    expect(new AttendanceIsTakenOnlyOnceEventHasStarted(event, at('2026-03-12T08:29:00Z')).isBroken()).toBe(true);
    expect(new AttendanceIsTakenOnlyOnceEventHasStarted(event, at('2026-03-12T08:30:00Z')).isBroken()).toBe(false);
  });

  it('only registered participants attend', () => {
    expect(new OnlyRegisteredParticipantsAttend({ id: 'r', status: 'registered' }).isBroken()).toBe(false);
    expect(new OnlyRegisteredParticipantsAttend({ id: 'r', status: 'waitlisted' }).isBroken()).toBe(true);
    expect(new OnlyRegisteredParticipantsAttend({ id: 'r', status: 'cancelled' }).error().getResponse()).toMatchObject({ error: 'NOT_REGISTERED' });
  });

  it('credits the hours given, none for a no-show, else the event\'s length up to a day', () => {
    expect(creditedHours(event, true, 2)).toBe(2);
    expect(creditedHours(event, false)).toBe(0);
    expect(creditedHours(event, true)).toBe(3.5);
    expect(creditedHours({ startsAt: at('2026-05-04T07:00:00Z'), endsAt: at('2026-05-07T16:00:00Z') }, true)).toBe(24);
    expect(creditedHours({ startsAt: at('2026-05-04T07:00:00Z'), endsAt: at('2026-05-04T07:05:00Z') }, true)).toBe(0.25);
  });

  it('tells a first mark from a correction and from the same mark again', () => {
    expect(attendanceChange({ attended: null, hours: null }, true, 3)).toBe('first');
    expect(attendanceChange({ attended: true, hours: 3 }, true, 3)).toBe('unchanged');
    expect(attendanceChange({ attended: true, hours: 3 }, true, 2)).toBe('correction');
    expect(attendanceChange({ attended: true, hours: 3 }, false, 0)).toBe('correction');
  });
});
