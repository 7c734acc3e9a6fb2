import type { BusinessRule } from '../business-rule';
import type { Participant, ParticipantStatus } from './participant.entity';
import { ParticipantNotPendingException } from './participants.exception';

export type Decision = 'accepted' | 'declined';

/**
 * Staff decide on an application once: an applied company is accepted or declined. The same decision
 * again changes nothing (the answer is the participation as it is); the other one is refused.
 */
export function decisionOutcome(status: ParticipantStatus, decision: Decision): 'apply' | 'unchanged' | 'refuse' {
  if (status === 'applied') return 'apply';
  return status === decision ? 'unchanged' : 'refuse';
}

/** An application is decided only while it waits for a decision. */
export class ApplicationIsDecidedOnce implements BusinessRule {
  constructor(
    private readonly participant: Pick<Participant, 'id' | 'status'>,
    private readonly decision: Decision,
  ) {}
  isBroken() {
    return decisionOutcome(this.participant.status, this.decision) === 'refuse';
  }
  error() {
    return new ParticipantNotPendingException(this.participant.id, this.participant.status, this.decision);
  }
}

/** A company withdraws an application or an acceptance; a declined one has nothing to withdraw. */
export class DeclinedApplicationsAreNotWithdrawn implements BusinessRule {
  constructor(private readonly participant: Pick<Participant, 'id' | 'status'>) {}
  isBroken() {
    return this.participant.status === 'declined';
  }
  error() {
    return new ParticipantNotPendingException(this.participant.id, this.participant.status, 'withdrawn');
  }
}
