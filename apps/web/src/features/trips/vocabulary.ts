import { allOf } from '../../lib/vocabulary';
import type { Outcome, ParticipantStatus, TargetRegion, TravellerGender, TripFinancier, TripStatus } from './api/trips';

export const TRIP_STATUSES = allOf<TripStatus>()(['planned', 'open', 'closed', 'completed', 'cancelled']);
export const TARGET_REGIONS = allOf<TargetRegion>()(['poznan', 'novara', 'xian', 'maharashtra', 'karnataka', 'ile-de-france', 'auvergne-rhone-alpes']);
export const TRIP_FINANCIERS = allOf<TripFinancier>()(['eu', 'region-vasterbotten', 'lansstyrelsen-vasterbotten', 'umea-kommun', 'skelleftea-kommun', 'vannas-kommun']);
export const PARTICIPANT_STATUSES = allOf<ParticipantStatus>()(['applied', 'accepted', 'declined', 'withdrawn']);
export const OUTCOMES = allOf<Outcome>()(['no-interest', 'follow-up', 'offer-requested', 'agreement']);
export const TRAVELLER_GENDERS = allOf<TravellerGender>()(['woman', 'man', 'non-binary', 'undisclosed']);

/** The country each target region lies in (the service refuses a region outside the destination's country). */
export const COUNTRY_OF_REGION: Record<TargetRegion, string> = {
  poznan: 'PL',
  novara: 'IT',
  xian: 'CN',
  maharashtra: 'IN',
  karnataka: 'IN',
  'ile-de-france': 'FR',
  'auvergne-rhone-alpes': 'FR',
};

/** Which transitions staff may make from each status (docs/trips.md, the state machine). */
export const TRANSITIONS: Record<TripStatus, readonly ('open' | 'close' | 'cancel')[]> = {
  planned: ['open', 'cancel'],
  open: ['close', 'cancel'],
  closed: ['open', 'cancel'],
  completed: [],
  cancelled: [],
};

// Badge colours with white text at 4.5:1 or more (WCAG 2.1 AA): Mantine's green.9 and orange.9 are below.
export const STATUS_COLOR: Record<TripStatus, string> = { planned: 'gray.8', open: '#1b6e34', closed: '#a3400b', completed: 'blue.9', cancelled: 'red.9' };
