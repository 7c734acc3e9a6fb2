import { MeetingsAreForAcceptedCompanies, meetingTimeProblems, namedPartnerProblems, OutcomeIsRecordedOnceMeetingWasHeld, outcomeIsNews, TripIsNotCancelled } from './meeting.rules';

const trip = { startsOn: '2026-05-04', endsOn: '2026-05-07' };

describe('meeting rules', () => {
  it('a meeting is during the trip, with a day of slack for time zones', () => {
    expect(meetingTimeProblems(new Date('2026-05-03T22:30:00Z'), trip)).toEqual([]);
    expect(meetingTimeProblems(new Date('2026-05-08T23:59:00Z'), trip)).toEqual([]);
    expect(meetingTimeProblems(new Date('2026-05-02T23:59:00Z'), trip).map((p) => p.rule)).toEqual(['meetingDuringTrip']);
    expect(meetingTimeProblems(new Date('2026-05-09T00:00:00Z'), trip).map((p) => p.field)).toEqual(['at']);
  });

  it('a partner given by name is abroad, and its target region lies in its country', () => {
    expect(namedPartnerProblems({ countryCode: 'PL', targetRegion: 'poznan' })).toEqual([]);
    expect(namedPartnerProblems({ countryCode: 'DE' })).toEqual([]);
    expect(namedPartnerProblems({ countryCode: 'SE' }).map((p) => p.rule)).toEqual(['abroad']);
    expect(namedPartnerProblems({ countryCode: 'IT', targetRegion: 'poznan' }).map((p) => p.field)).toEqual(['partner.targetRegion']);
  });

  it('only an accepted participant meets partners', () => {
    expect(new MeetingsAreForAcceptedCompanies('t', 'c', 'accepted').isBroken()).toBe(false);
    for (const status of ['applied', 'declined', null]) {
      const rule = new MeetingsAreForAcceptedCompanies('t', 'c', status);
      expect(rule.isBroken()).toBe(true);
      expect(rule.error().getResponse()).toMatchObject({ statusCode: 422, error: 'NOT_AN_ACCEPTED_PARTICIPANT', details: { status } });
    }
  });

  it('a cancelled trip has no meetings', () => {
    expect(new TripIsNotCancelled({ id: 't', status: 'cancelled' }).error().getResponse()).toMatchObject({ error: 'TRIP_CANCELLED' });
    expect(new TripIsNotCancelled({ id: 't', status: 'completed' }).isBroken()).toBe(false);
  });

  it('an outcome is recorded once the meeting was held', () => {
    const meeting = { id: 'm', heldAt: new Date('2026-05-05T10:00:00Z') };
    expect(new OutcomeIsRecordedOnceMeetingWasHeld(meeting, new Date('2026-05-05T09:59:59Z')).error().getResponse()).toMatchObject({ error: 'MEETING_NOT_HELD_YET' });
    expect(new OutcomeIsRecordedOnceMeetingWasHeld(meeting, new Date('2026-05-05T10:00:00Z')).isBroken()).toBe(false);
  });

  it('the first outcome and every change of outcome or follow-up day is news; notes alone are not', () => {
    expect(outcomeIsNews({ outcome: null, followUpOn: null }, { outcome: 'follow-up', followUpOn: null })).toBe(true);
    expect(outcomeIsNews({ outcome: 'follow-up', followUpOn: null }, { outcome: 'agreement', followUpOn: null })).toBe(true);
    expect(outcomeIsNews({ outcome: 'follow-up', followUpOn: null }, { outcome: 'follow-up', followUpOn: '2026-06-01' })).toBe(true);
    expect(outcomeIsNews({ outcome: 'agreement', followUpOn: null }, { outcome: 'agreement', followUpOn: null })).toBe(false);
  });
});
