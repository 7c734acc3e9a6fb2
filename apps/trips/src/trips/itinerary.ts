import type { TripPlanned } from '@globac/contracts';
import type { Trip } from './trip.entity';

/** Where and when a trip goes and who funds it, as TripPlanned and the completion events say it. */
export type Itinerary = Omit<TripPlanned, 'title'>;

export function itineraryOf(trip: Trip): Itinerary {
  return {
    tripId: trip.id,
    destinationCountries: [...new Set(trip.destinations.map((d) => d.country))],
    targetRegions: [...new Set(trip.destinations.flatMap((d) => (d.targetRegion ? [d.targetRegion] : [])))],
    startsOn: trip.startsOn,
    endsOn: trip.endsOn,
    financierIds: [...trip.financiers],
  };
}
