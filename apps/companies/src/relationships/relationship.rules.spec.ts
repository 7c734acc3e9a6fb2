import type { RelationshipStage } from '@globac/contracts';
import { causeProblems, movedAtProblems, relationshipToKeep, stageAfterCorrection, stageAfterMeeting, stageRank } from './relationship.rules';

describe('relationship rules', () => {
  it('names a meeting or an event that moved a relationship by its id, and a manual change by none', () => {
    expect(causeProblems({ kind: 'manual' })).toEqual([]);
    expect(causeProblems({ kind: 'partner-meeting', id: 'f4d2b6c7-8e9a-41a2-9d2e-3f4a5b6c7d8e' })).toEqual([]);
    expect(causeProblems({ kind: 'event', id: 'c1a9e3f4-5b6d-4e7f-8a9b-0c1d2e3f4a5b' })).toEqual([]);
    expect(causeProblems({ kind: 'partner-meeting' })).toEqual([expect.objectContaining({ field: 'cause.id', rule: 'idOfCause' })]);
    expect(causeProblems({ kind: 'event' })[0].message).toContain('programme event');
    expect(causeProblems({ kind: 'manual', id: 'c1a9e3f4-5b6d-4e7f-8a9b-0c1d2e3f4a5b' })).toEqual([expect.objectContaining({ rule: 'noIdForManual' })]);
  });

  it('dates a move not in the future and not before the last one', () => {
    const now = new Date('2026-06-01T12:00:00Z');
    const last = new Date('2026-05-01T00:00:00Z');
    expect(movedAtProblems(new Date('2026-05-15T00:00:00Z'), now, last)).toEqual([]);
    expect(movedAtProblems(last, now, last)).toEqual([]);
    expect(movedAtProblems(new Date('2026-06-02T00:00:00Z'), now, last)[0]).toMatchObject({ field: 'at', rule: 'notInFuture' });
    expect(movedAtProblems(new Date('2026-04-30T00:00:00Z'), now, last)[0]).toMatchObject({ field: 'at', rule: 'afterLastChange' });
  });

  it('keeps, of two open relationships with one partner, the one that came further (the survivor\'s on a tie)', () => {
    const at = (stage: RelationshipStage, who: string) => ({ stage, who });
    const survivor = at('meeting', 'survivor');
    expect(relationshipToKeep(survivor, at('agreement', 'duplicate')).who).toBe('duplicate');
    expect(relationshipToKeep(survivor, at('lead', 'duplicate')).who).toBe('survivor');
    expect(relationshipToKeep(survivor, at('meeting', 'duplicate')).who).toBe('survivor');
    expect(stageRank('long-term')).toBeGreaterThan(stageRank('agreement'));
    expect(stageRank('ended')).toBeLessThan(stageRank('lead'));
  });

  it('takes a relationship to meeting after a partner meeting, and to agreement when one was reached', () => {
    expect(stageAfterMeeting('no-interest')).toBe('meeting');
    expect(stageAfterMeeting('follow-up')).toBe('meeting');
    expect(stageAfterMeeting('offer-requested')).toBe('meeting');
    expect(stageAfterMeeting('agreement')).toBe('agreement');
  });

  it('takes a relationship a meeting moved to where a changed outcome leads, never below where it stood before the meeting', () => {
    expect(stageAfterCorrection(null, 'follow-up')).toBe('meeting');
    expect(stageAfterCorrection('contacted', 'no-interest')).toBe('meeting');
    expect(stageAfterCorrection('negotiation', 'follow-up')).toBe('negotiation');
    expect(stageAfterCorrection('negotiation', 'agreement')).toBe('agreement');
    expect(stageAfterCorrection('lead', 'agreement')).toBe('agreement');
  });
});
