import { type MeetingOutcome, RELATIONSHIP_STAGES, type RelationshipStage } from '@globac/contracts';

/** The causes a user can give; `merge` is the service's own, when two companies are merged. */
export const USER_CAUSES = ['manual', 'partner-meeting', 'event'] as const;
export type UserCause = (typeof USER_CAUSES)[number];

export interface CauseInput {
  readonly kind: UserCause;
  readonly id?: string;
}

export interface RuleProblem {
  readonly field: string;
  readonly rule: string;
  readonly message: string;
}

/** A meeting or an event that moved a relationship is named by its id; a staff decision has none. */
export function causeProblems(cause: CauseInput): RuleProblem[] {
  if (cause.kind === 'manual' && cause.id !== undefined) {
    return [{ field: 'cause.id', rule: 'noIdForManual', message: 'must be left out for a manual change' }];
  }
  if (cause.kind !== 'manual' && cause.id === undefined) {
    const of = cause.kind === 'partner-meeting' ? 'the partner meeting (PartnerMeetingHeld.meetingId)' : 'the programme event';
    return [{ field: 'cause.id', rule: 'idOfCause', message: `is required for ${cause.kind}: the id of ${of}` }];
  }
  return [];
}

/**
 * When a move happened: not in the future, and not before the relationship's last move (history is
 * in order; a move reported late is dated back, but not past what is already recorded).
 */
export function movedAtProblems(at: Date, now: Date, lastChangeAt?: Date): RuleProblem[] {
  if (at > now) return [{ field: 'at', rule: 'notInFuture', message: 'must not be in the future' }];
  if (lastChangeAt && at < lastChangeAt) {
    return [{ field: 'at', rule: 'afterLastChange', message: `must not be before ${lastChangeAt.toISOString()}, the relationship's last change` }];
  }
  return [];
}

/** How far a relationship has come: `ended` counts as nowhere. */
export function stageRank(stage: RelationshipStage): number {
  return stage === 'ended' ? -1 : RELATIONSHIP_STAGES.indexOf(stage);
}

/**
 * Of two open relationships with the same partner (when two companies are merged), the one that has
 * come further is kept; on a tie, the surviving company's.
 */
export function relationshipToKeep<T extends { stage: RelationshipStage }>(survivors: T, duplicates: T): T {
  return stageRank(duplicates.stage) > stageRank(survivors.stage) ? duplicates : survivors;
}

/**
 * Where a B2B meeting on a trip takes a relationship: a meeting was held, whatever came of it
 * (staff end a relationship that led nowhere); an agreement reached at the meeting goes further.
 */
export function stageAfterMeeting(outcome: MeetingOutcome): RelationshipStage {
  return outcome === 'agreement' ? 'agreement' : 'meeting';
}

/**
 * Where a changed outcome of a meeting takes a relationship the meeting itself moved last: where the
 * new outcome leads, but never below where the relationship stood before the meeting (a corrected
 * agreement of a relationship already in negotiation goes back to negotiation, not to meeting).
 */
export function stageAfterCorrection(stageBefore: RelationshipStage | null, outcome: MeetingOutcome): RelationshipStage {
  const afterMeeting = stageAfterMeeting(outcome);
  return stageBefore !== null && stageRank(stageBefore) > stageRank(afterMeeting) ? stageBefore : afterMeeting;
}
