import { isActiveOn, MeetingKindMatchesRing, MemberLeavesNoEarlierThanItJoined, MembershipEndsOnce, MembershipsOfACompanyDoNotOverlap } from './export-ring.rules';
import type { RingMembership } from './ring-membership.entity';

const membership = (joinedOn: string, leftOn: string | null, id = 'm'): RingMembership =>
  ({ id, ringId: 'r', companyId: 'c', joinedOn, leftOn, createdAt: new Date(), updatedAt: new Date() }) as RingMembership;

describe('export ring rules', () => {
  it('a membership includes its first and its last day', () => {
    const m = membership('2026-01-15', '2026-06-30');
    expect(['2026-01-14', '2026-01-15', '2026-06-30', '2026-07-01'].map((d) => isActiveOn(m, d))).toEqual([false, true, true, false]);
    expect(isActiveOn(membership('2026-01-15', null), '2099-01-01')).toBe(true);
  });

  it('memberships of a company do not overlap', () => {
    const existing = [membership('2026-01-01', '2026-03-31', 'a'), membership('2026-09-01', null, 'b')];
    const overlap = (joinedOn: string, leftOn: string | null = null) => new MembershipsOfACompanyDoNotOverlap(existing, { joinedOn, leftOn }).isBroken();
    expect(overlap('2026-04-01', '2026-08-31')).toBe(false);
    expect(overlap('2026-03-31', '2026-05-01')).toBe(true);
    expect(overlap('2026-04-01')).toBe(true); // open: runs into the membership from September
    expect(overlap('2027-01-01')).toBe(true);
    expect(new MembershipsOfACompanyDoNotOverlap(existing, { joinedOn: '2027-01-01', leftOn: null }).error().getResponse()).toMatchObject({
      error: 'ALREADY_MEMBER',
      details: { membershipId: 'b' },
    });
  });

  it('a member leaves no earlier than it joined, and only once', () => {
    expect(new MemberLeavesNoEarlierThanItJoined(membership('2026-02-01', null), '2026-02-01').isBroken()).toBe(false);
    expect(new MemberLeavesNoEarlierThanItJoined(membership('2026-02-01', null), '2026-01-31').isBroken()).toBe(true);
    expect(new MembershipEndsOnce(membership('2026-02-01', '2026-03-01')).isBroken()).toBe(true);
    expect(new MembershipEndsOnce(membership('2026-02-01', null)).isBroken()).toBe(false);
  });

  it('a meeting belongs to a ring of its kind', () => {
    expect(new MeetingKindMatchesRing({ id: 'r', kind: 'export-ring' }, 'export-ring-meeting').isBroken()).toBe(false);
    expect(new MeetingKindMatchesRing({ id: 'r', kind: 'export-circle' }, 'export-ring-meeting').isBroken()).toBe(true);
    expect(new MeetingKindMatchesRing({ id: 'r', kind: 'export-ring' }, 'seminar').isBroken()).toBe(true);
  });
});
