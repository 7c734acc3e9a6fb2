import { calendarDateInSweden, CapacityIsNotBelowRegisteredSeats, EventWithAttendanceStaysStarted, municipalityOf, scheduleProblems } from './programme-event.rules';

const at = (iso: string) => new Date(iso);
const base = { kind: 'seminar' as const, startsAt: at('2026-03-12T08:30:00Z'), endsAt: at('2026-03-12T12:00:00Z'), registrationClosesAt: null, ringId: null };

describe('programme event rules', () => {
  it('an event ends after it starts', () => {
    expect(scheduleProblems(base)).toEqual([]);
    expect(scheduleProblems({ ...base, endsAt: base.startsAt })).toEqual([expect.objectContaining({ field: 'endsAt', rule: 'eventEndsAfterItStarts' })]);
  });

  it('registration closes no later than the start', () => {
    expect(scheduleProblems({ ...base, registrationClosesAt: base.startsAt })).toEqual([]);
    expect(scheduleProblems({ ...base, registrationClosesAt: at('2026-03-12T08:31:00Z') })).toEqual([
      expect.objectContaining({ field: 'registrationClosesAt', rule: 'registrationClosesNoLaterThanStart' }),
    ]);
  });

  it('ring meetings, and only they, belong to a ring', () => {
    const ringId = '0d6c1a52-8d3e-4b0e-9d55-1f1d2b7c9a01';
    expect(scheduleProblems({ ...base, kind: 'export-ring-meeting' })).toEqual([expect.objectContaining({ field: 'ringId', rule: 'ringMeetingBelongsToARing' })]);
    expect(scheduleProblems({ ...base, kind: 'export-circle-meeting', ringId })).toEqual([]);
    expect(scheduleProblems({ ...base, ringId })).toEqual([expect.objectContaining({ field: 'ringId', rule: 'onlyRingMeetingsBelongToARing' })]);
  });

  it('dates an event by the Swedish calendar day', () => {
    expect(calendarDateInSweden(at('2026-03-12T22:30:00Z'))).toBe('2026-03-12'); // 23:30 in winter
    expect(calendarDateInSweden(at('2026-03-12T23:30:00Z'))).toBe('2026-03-13');
    expect(calendarDateInSweden(at('2026-07-01T22:30:00Z'))).toBe('2026-07-02'); // 00:30 in summer
  });

  it('knows a Västerbotten municipality by its name in Sweden only', () => {
    expect(municipalityOf('Umeå', 'SE')).toBe('Umeå');
    expect(municipalityOf(' skellefteå ', 'SE')).toBe('Skellefteå');
    expect(municipalityOf('Umea', 'SE')).toBeNull();
    expect(municipalityOf('Stockholm', 'SE')).toBeNull();
    expect(municipalityOf('Umeå', 'NO')).toBeNull();
  });

  it('lowering the capacity never takes a held seat', () => {
    expect(new CapacityIsNotBelowRegisteredSeats(10, 10).isBroken()).toBe(false);
    expect(new CapacityIsNotBelowRegisteredSeats(9, 10).isBroken()).toBe(true);
    expect(new CapacityIsNotBelowRegisteredSeats(null, 500).isBroken()).toBe(false);
    expect(new CapacityIsNotBelowRegisteredSeats(9, 10).error().getStatus()).toBe(409);
  });

  it('an event with attendance is not moved to a start still to come', () => {
    const now = at('2026-03-12T10:00:00Z');
    expect(new EventWithAttendanceStaysStarted('e', true, at('2026-03-12T11:00:00Z'), now).isBroken()).toBe(true);
    expect(new EventWithAttendanceStaysStarted('e', true, at('2026-03-12T09:00:00Z'), now).isBroken()).toBe(false);
    expect(new EventWithAttendanceStaysStarted('e', false, at('2026-03-12T11:00:00Z'), now).isBroken()).toBe(false);
  });
});
