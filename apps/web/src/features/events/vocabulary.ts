import { allOf } from '../../lib/vocabulary';
import type { EventKind, EventTopic, Financier, Gender } from './api/events';

export const KINDS = allOf<EventKind>()(['seminar', 'competence-meeting', 'country-briefing', 'trade-fair', 'export-ring-meeting', 'export-circle-meeting', 'other']);
export const TOPICS = allOf<EventTopic>()(['legal', 'financial', 'transport-logistics', 'market-entry', 'culture', 'country-information', 'other']);
export const FINANCIERS = allOf<Financier>()(['eu', 'region-vasterbotten', 'lansstyrelsen-vasterbotten', 'umea-kommun', 'skelleftea-kommun', 'vannas-kommun']);
export const GENDERS = allOf<Gender>()(['woman', 'man', 'non-binary', 'undisclosed']);
export const RING_KINDS: readonly EventKind[] = ['export-ring-meeting', 'export-circle-meeting'];
