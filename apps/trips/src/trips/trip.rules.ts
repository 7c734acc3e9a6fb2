import type { FieldProblem } from '@globac/http';
import type { BusinessRule } from '../business-rule';
import { TARGET_REGION_COUNTRIES } from '../target-regions';
import type { Destination, Trip, TripStatus } from './trip.entity';
import {
  ApplicationsClosedException,
  CapacityBelowAcceptedException,
  TripAlreadyStartedException,
  TripFullException,
  TripNotEditableException,
  TripNotOpenException,
  TripNotStartedException,
  TripStatusConflictException,
} from './trips.exception';

export type TripTransition = 'open' | 'close' | 'cancel' | 'complete';

/**
 * The state machine: planned → open (applications taken) → closed → completed; cancelled from any
 * state before completion. A closed trip may be opened again (more applications) until it starts.
 */
export const TRANSITIONS: Record<TripTransition, { from: readonly TripStatus[]; to: TripStatus }> = {
  open: { from: ['planned', 'closed'], to: 'open' },
  close: { from: ['open'], to: 'closed' },
  cancel: { from: ['planned', 'open', 'closed'], to: 'cancelled' },
  complete: { from: ['open', 'closed'], to: 'completed' },
};

export interface ScheduleFacts {
  startsOn: string;
  endsOn: string;
  applicationClosesOn: string | null;
  destinations: Destination[];
}

/**
 * What is wrong with a trip's days and destinations, one problem per field, named after the rule it
 * breaks: a trip ends on or after its first day, applications close no later than it starts, and a
 * destination's target region lies in its country. On creation a trip cannot start in the past.
 */
export function scheduleProblems(facts: ScheduleFacts, today: string | null): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (today !== null && facts.startsOn < today) {
    problems.push({ field: 'startsOn', rule: 'tripDoesNotStartInThePast', message: `must not be before today (${today})` });
  }
  if (facts.endsOn < facts.startsOn) {
    problems.push({ field: 'endsOn', rule: 'tripEndsOnOrAfterItStarts', message: 'must not be before startsOn' });
  }
  if (facts.applicationClosesOn !== null && facts.applicationClosesOn > facts.startsOn) {
    problems.push({ field: 'applicationClosesOn', rule: 'applicationsCloseNoLaterThanStart', message: 'must not be after startsOn' });
  }
  facts.destinations.forEach((d, i) => {
    if (d.targetRegion === null) return;
    const country = TARGET_REGION_COUNTRIES[d.targetRegion];
    if (country !== d.country) {
      problems.push({
        field: `destinations.${i}.targetRegion`,
        rule: 'targetRegionInCountry',
        message: country ? `is in ${country}, not in ${d.country}` : `must be a target region of the programme: ${Object.keys(TARGET_REGION_COUNTRIES).join(', ')}`,
      });
    }
  });
  return problems;
}

/** A transition is taken only from the states the machine has it from. */
export class TransitionIsAllowedFromStatus implements BusinessRule {
  constructor(
    private readonly trip: Pick<Trip, 'id' | 'status'>,
    private readonly transition: TripTransition,
  ) {}
  isBroken() {
    return !TRANSITIONS[this.transition].from.includes(this.trip.status);
  }
  error() {
    return new TripStatusConflictException(this.trip.id, this.trip.status, this.transition);
  }
}

/** A completed or cancelled trip keeps its details. */
export class TripIsEditableUntilCompletedOrCancelled implements BusinessRule {
  constructor(private readonly trip: Pick<Trip, 'id' | 'status'>) {}
  isBroken() {
    return this.trip.status === 'completed' || this.trip.status === 'cancelled';
  }
  error() {
    return new TripNotEditableException(this.trip.id, this.trip.status);
  }
}

/** Applications are taken only while the trip is open. */
export class ApplicationsAreTakenOnlyWhileOpen implements BusinessRule {
  constructor(private readonly trip: Pick<Trip, 'id' | 'status'>) {}
  isBroken() {
    return this.trip.status !== 'open';
  }
  error() {
    return new TripNotOpenException(this.trip.id, this.trip.status);
  }
}

/** After the last day of applications (a Swedish day), none are taken. */
export class ApplicationsCloseAfterTheirLastDay implements BusinessRule {
  constructor(
    private readonly trip: Pick<Trip, 'id' | 'applicationClosesOn'>,
    private readonly today: string,
  ) {}
  isBroken() {
    return this.trip.applicationClosesOn !== null && this.today > this.trip.applicationClosesOn;
  }
  error() {
    return new ApplicationsClosedException(this.trip.id, this.trip.applicationClosesOn ?? '');
  }
}

/** Applying to, or withdrawing from, a trip is done before its first day. */
export class TripHasNotStarted implements BusinessRule {
  constructor(
    private readonly trip: Pick<Trip, 'id' | 'startsOn'>,
    private readonly today: string,
    private readonly what: string,
  ) {}
  isBroken() {
    return this.today >= this.trip.startsOn;
  }
  error() {
    return new TripAlreadyStartedException(this.trip.id, this.trip.startsOn, this.what);
  }
}

/** A trip is completed from its first day on. */
export class TripIsCompletedFromItsFirstDay implements BusinessRule {
  constructor(
    private readonly trip: Pick<Trip, 'id' | 'startsOn'>,
    private readonly today: string,
  ) {}
  isBroken() {
    return this.today < this.trip.startsOn;
  }
  error() {
    return new TripNotStartedException(this.trip.id, this.trip.startsOn);
  }
}

/** No more companies are accepted than the trip has places for. */
export class AcceptedCompaniesStayWithinCapacity implements BusinessRule {
  constructor(private readonly trip: Pick<Trip, 'id' | 'capacity' | 'acceptedCount'>) {}
  isBroken() {
    return this.trip.capacity !== null && this.trip.acceptedCount >= this.trip.capacity;
  }
  error() {
    return new TripFullException(this.trip.id, this.trip.capacity ?? 0);
  }
}

/** Lowering the capacity never takes a place from an accepted company. */
export class CapacityIsNotBelowAcceptedCompanies implements BusinessRule {
  constructor(
    private readonly capacity: number | null,
    private readonly accepted: number,
  ) {}
  isBroken() {
    return this.capacity !== null && this.capacity < this.accepted;
  }
  error() {
    return new CapacityBelowAcceptedException(this.capacity ?? 0, this.accepted);
  }
}
