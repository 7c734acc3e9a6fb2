import { checkTravelled, defaultTravelled, travelledChanged, tripDays } from './completion.rules';

const trip = { startsOn: '2026-05-04', endsOn: '2026-05-07', subsidyPerCompanySek: 15000 };

describe('completion rules', () => {
  it('a trip\'s length counts its first and last day', () => {
    expect(tripDays(trip)).toBe(4);
    expect(tripDays({ startsOn: '2026-02-28', endsOn: '2026-03-01' })).toBe(2);
    expect(tripDays({ startsOn: '2026-05-04', endsOn: '2026-05-04' })).toBe(1);
  });

  it('by default every accepted company travelled for the whole trip, with the trip\'s subsidy', () => {
    expect(defaultTravelled(trip, ['a', 'b'])).toEqual([
      { companyId: 'a', daysAbroad: 4, subsidySek: 15000 },
      { companyId: 'b', daysAbroad: 4, subsidySek: 15000 },
    ]);
    expect(defaultTravelled(trip, [])).toEqual([]);
  });

  it('a travelled list names accepted companies once each, for at most the trip\'s length; the subsidy defaults to the trip\'s', () => {
    const checked = checkTravelled(trip, [{ companyId: 'a', daysAbroad: 2 }, { companyId: 'b', daysAbroad: 4, subsidySek: 0 }], new Set(['a', 'b']));
    expect(checked).toEqual({
      travelled: [
        { companyId: 'a', daysAbroad: 2, subsidySek: 15000 },
        { companyId: 'b', daysAbroad: 4, subsidySek: 0 },
      ],
      problems: [],
      notAccepted: [],
    });
    const wrong = checkTravelled(trip, [{ companyId: 'a', daysAbroad: 5 }, { companyId: 'a', daysAbroad: 1 }, { companyId: 'x', daysAbroad: 1 }], new Set(['a']));
    expect(wrong.problems.map((p) => [p.field, p.rule])).toEqual([
      ['travelled.0.daysAbroad', 'daysWithinTrip'],
      ['travelled.1.companyId', 'companyListedOnce'],
    ]);
    expect(wrong.notAccepted).toEqual(['x']);
  });

  it('a correction changes something unless it says the same (in any order)', () => {
    const before = [
      { companyId: 'a', daysAbroad: 4, subsidySek: 15000 },
      { companyId: 'b', daysAbroad: 4, subsidySek: 15000 },
    ];
    expect(travelledChanged(before, [...before].reverse())).toBe(false);
    expect(travelledChanged(before, [before[0]])).toBe(true);
    expect(travelledChanged(before, [before[0], { ...before[1], daysAbroad: 3 }])).toBe(true);
    expect(travelledChanged(null, [])).toBe(true);
  });
});
