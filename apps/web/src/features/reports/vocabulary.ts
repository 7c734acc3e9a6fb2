import { allOf } from '../../lib/vocabulary';
import type { ActivityKind, Municipality } from './api/reports';

// The filters' values, checked against the reporting API's types both ways.
export const MUNICIPALITIES = allOf<Municipality>()([
  'Bjurholm', 'Dorotea', 'Lycksele', 'Malå', 'Nordmaling', 'Norsjö', 'Robertsfors', 'Skellefteå', 'Sorsele', 'Storuman', 'Umeå',
  'Vilhelmina', 'Vindeln', 'Vännäs', 'Åsele', 'outside-county',
]);
export const ACTIVITY_KINDS = allOf<ActivityKind>()([
  'seminar', 'competence-meeting', 'country-briefing', 'trade-fair', 'export-ring-meeting', 'export-circle-meeting', 'other', 'trip',
]);
// The API takes any financier code (a string); these are the programme's (the events' and trips' vocabulary).
export const FINANCIERS = ['eu', 'region-vasterbotten', 'lansstyrelsen-vasterbotten', 'umea-kommun', 'skelleftea-kommun', 'vannas-kommun'] as const;
