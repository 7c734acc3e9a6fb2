import type { MeetingOutcome } from '@globac/contracts';
import type { FieldProblem } from '@globac/http';
import type { BusinessRule } from '../business-rule';
import { addDays } from '../calendar';
import { TARGET_REGION_COUNTRIES } from '../target-regions';
import type { Trip } from '../trips/trip.entity';
import type { PartnerMeeting } from './partner-meeting.entity';
import { MeetingNotHeldYetException, NotAnAcceptedParticipantException, TripCancelledException } from './meetings.exception';

/**
 * A meeting takes place on the trip's days. A day of slack on either side, because `at` is an instant
 * and the trip's days are local days somewhere between UTC-12 and UTC+14.
 */
export function meetingTimeProblems(at: Date, trip: Pick<Trip, 'startsOn' | 'endsOn'>): FieldProblem[] {
  const day = at.toISOString().slice(0, 10);
  if (day < addDays(trip.startsOn, -1) || day > addDays(trip.endsOn, 1)) {
    return [{ field: 'at', rule: 'meetingDuringTrip', message: `must be during the trip (${trip.startsOn} to ${trip.endsOn})` }];
  }
  return [];
}

/** A partner given by name is abroad, and its target region (if any) lies in its country. */
export function namedPartnerProblems(partner: { countryCode: string; targetRegion?: string | null }): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (partner.countryCode === 'SE') problems.push({ field: 'partner.countryCode', rule: 'abroad', message: 'must not be SE: a partner is abroad' });
  if (partner.targetRegion) {
    const country = TARGET_REGION_COUNTRIES[partner.targetRegion];
    if (country !== partner.countryCode) {
      problems.push({ field: 'partner.targetRegion', rule: 'targetRegionInCountry', message: `is in ${country}, not in ${partner.countryCode}` });
    }
  }
  return problems;
}

/** Only an accepted participant meets partners on the trip. */
export class MeetingsAreForAcceptedCompanies implements BusinessRule {
  constructor(
    private readonly tripId: string,
    private readonly companyId: string,
    private readonly participationStatus: string | null,
  ) {}
  isBroken() {
    return this.participationStatus !== 'accepted';
  }
  error() {
    return new NotAnAcceptedParticipantException(this.tripId, this.companyId, this.participationStatus);
  }
}

/** A cancelled trip has no meetings, and no outcomes of meetings. */
export class TripIsNotCancelled implements BusinessRule {
  constructor(private readonly trip: Pick<Trip, 'id' | 'status'>) {}
  isBroken() {
    return this.trip.status === 'cancelled';
  }
  error() {
    return new TripCancelledException(this.trip.id);
  }
}

/** What came of a meeting is known once it was held. */
export class OutcomeIsRecordedOnceMeetingWasHeld implements BusinessRule {
  constructor(
    private readonly meeting: Pick<PartnerMeeting, 'id' | 'heldAt'>,
    private readonly now: Date,
  ) {}
  isBroken() {
    return this.meeting.heldAt.getTime() > this.now.getTime();
  }
  error() {
    return new MeetingNotHeldYetException(this.meeting.id, this.meeting.heldAt);
  }
}

export interface OutcomeFacts {
  outcome: MeetingOutcome | null;
  followUpOn: string | null;
}

/**
 * Whether recording an outcome tells the companies service something new: the first outcome does, and
 * so does a changed outcome or follow-up day (a correction, with the next revision). Notes are this
 * service's own and never published.
 */
export function outcomeIsNews(before: OutcomeFacts, after: OutcomeFacts): boolean {
  return before.outcome !== after.outcome || before.followUpOn !== after.followUpOn;
}
