import type { FieldProblem } from '@globac/http';
import { daysBetween } from '../calendar';
import type { TravelledCompany, Trip } from '../trips/trip.entity';

export interface TravelledEntry {
  companyId: string;
  daysAbroad: number;
  subsidySek?: number | null;
}

/** The trip's length in days, first and last day included. */
export function tripDays(trip: Pick<Trip, 'startsOn' | 'endsOn'>): number {
  return daysBetween(trip.startsOn, trip.endsOn) + 1;
}

/** Who travelled when staff do not say: every accepted company, for the whole trip, with the trip's subsidy. */
export function defaultTravelled(trip: Pick<Trip, 'startsOn' | 'endsOn' | 'subsidyPerCompanySek'>, acceptedCompanyIds: string[]): TravelledCompany[] {
  return acceptedCompanyIds.map((companyId) => ({ companyId, daysAbroad: tripDays(trip), subsidySek: trip.subsidyPerCompanySek }));
}

/**
 * A travelled list as staff give it, checked and completed with the trip's subsidy: each company once, an
 * accepted participant, abroad at most the trip's length. Problems are per entry (`travelled.2.daysAbroad`);
 * companies that were not accepted are listed apart (422, not 400: the body is well-formed).
 */
export function checkTravelled(
  trip: Pick<Trip, 'startsOn' | 'endsOn' | 'subsidyPerCompanySek'>,
  entries: TravelledEntry[],
  acceptedCompanyIds: ReadonlySet<string>,
): { travelled: TravelledCompany[]; problems: FieldProblem[]; notAccepted: string[] } {
  const problems: FieldProblem[] = [];
  const notAccepted: string[] = [];
  const seen = new Set<string>();
  const length = tripDays(trip);
  entries.forEach((entry, i) => {
    if (seen.has(entry.companyId)) problems.push({ field: `travelled.${i}.companyId`, rule: 'companyListedOnce', message: 'is listed twice' });
    seen.add(entry.companyId);
    if (entry.daysAbroad > length) {
      problems.push({ field: `travelled.${i}.daysAbroad`, rule: 'daysWithinTrip', message: `must be at most ${length}, the trip's length in days` });
    }
    if (!acceptedCompanyIds.has(entry.companyId)) notAccepted.push(entry.companyId);
  });
  const travelled = entries.map((e) => ({ companyId: e.companyId, daysAbroad: e.daysAbroad, subsidySek: e.subsidySek ?? trip.subsidyPerCompanySek }));
  return { travelled, problems, notAccepted: [...new Set(notAccepted)] };
}

/** Whether a corrected list says anything the current one does not (order aside). */
export function travelledChanged(before: TravelledCompany[] | null, after: TravelledCompany[]): boolean {
  const key = (list: TravelledCompany[]) =>
    [...list]
      .sort((a, b) => a.companyId.localeCompare(b.companyId))
      .map((t) => `${t.companyId}:${t.daysAbroad}:${t.subsidySek}`)
      .join();
  return before === null || key(before) !== key(after);
}
