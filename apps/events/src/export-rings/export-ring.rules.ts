import type { EventKind } from '@globac/contracts';
import type { BusinessRule } from '../business-rule';
import { RING_KIND_OF_MEETING } from '../programme-events/programme-event.rules';
import type { ExportRing } from './export-ring.entity';
import { AlreadyMemberException, LeavesBeforeJoiningException, MembershipAlreadyEndedException, RingKindMismatchException } from './export-rings.exception';
import type { RingMembership } from './ring-membership.entity';

type Period = Pick<RingMembership, 'joinedOn' | 'leftOn'>;

// Calendar dates YYYY-MM-DD compare as strings; an open membership lasts for ever.
const FOREVER = '9999-12-31';

/** Whether a membership includes a day: from its first day to its last, both included. */
export function isActiveOn(membership: Period, date: string): boolean {
  return membership.joinedOn <= date && (membership.leftOn === null || date <= membership.leftOn);
}

function overlaps(a: Period, b: Period): boolean {
  return a.joinedOn <= (b.leftOn ?? FOREVER) && b.joinedOn <= (a.leftOn ?? FOREVER);
}

/** A company cannot be a member of the same ring twice at once. */
export class MembershipsOfACompanyDoNotOverlap implements BusinessRule {
  constructor(
    private readonly existing: RingMembership[],
    private readonly proposed: Period,
  ) {}
  private clash() {
    return this.existing.find((m) => overlaps(m, this.proposed));
  }
  isBroken() {
    return this.clash() !== undefined;
  }
  error() {
    const clash = this.clash()!;
    return new AlreadyMemberException(clash.id, clash.joinedOn, clash.leftOn);
  }
}

/** A member leaves on or after the day it joined. */
export class MemberLeavesNoEarlierThanItJoined implements BusinessRule {
  constructor(
    private readonly membership: Period,
    private readonly leftOn: string,
  ) {}
  isBroken() {
    return this.leftOn < this.membership.joinedOn;
  }
  error() {
    return new LeavesBeforeJoiningException(this.membership.joinedOn, this.leftOn);
  }
}

/** A membership ends once; a later return is a new membership. */
export class MembershipEndsOnce implements BusinessRule {
  constructor(private readonly membership: Pick<RingMembership, 'id' | 'leftOn'>) {}
  isBroken() {
    return this.membership.leftOn !== null;
  }
  error() {
    return new MembershipAlreadyEndedException(this.membership.id, this.membership.leftOn!);
  }
}

/** Export-ring meetings belong to export rings, export-circle meetings to export circles. */
export class MeetingKindMatchesRing implements BusinessRule {
  constructor(
    private readonly ring: Pick<ExportRing, 'id' | 'kind'>,
    private readonly eventKind: EventKind,
  ) {}
  isBroken() {
    return RING_KIND_OF_MEETING[this.eventKind] !== this.ring.kind;
  }
  error() {
    return new RingKindMismatchException(this.ring.id, this.ring.kind, this.eventKind);
  }
}
