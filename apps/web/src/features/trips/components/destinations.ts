import type { TFunction } from 'i18next';
import type { Trip } from '../api/trips';

/** "Poznań, Poznań (PL) · IN": each destination's city and region (or country). */
export function destinationsOf(trip: Pick<Trip, 'destinations'>, t: TFunction): string {
  return trip.destinations.map((d) => [d.city, d.targetRegion ? t(`trips.regions.${d.targetRegion}`) : d.country].filter(Boolean).join(', ')).join(' · ');
}
