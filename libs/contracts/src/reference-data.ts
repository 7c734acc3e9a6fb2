// Closed vocabularies used by several contracts. Adding a value is an additive change for producers
// but a consumer with an exhaustive switch must handle it: see docs/event-versioning.md.

/** Västerbotten county's 15 municipalities. */
export const MUNICIPALITIES = [
  'Bjurholm',
  'Dorotea',
  'Lycksele',
  'Malå',
  'Nordmaling',
  'Norsjö',
  'Robertsfors',
  'Skellefteå',
  'Sorsele',
  'Storuman',
  'Umeå',
  'Vilhelmina',
  'Vindeln',
  'Vännäs',
  'Åsele',
] as const;
export type Municipality = (typeof MUNICIPALITIES)[number];

/** EU SME size classes: micro < 10 employees, small < 50, medium < 250, large. */
export const SIZE_CLASSES = ['micro', 'small', 'medium', 'large'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

/**
 * Stages of a business relationship with a partner abroad, in the order a relationship usually takes
 * them; `ended` can follow any stage (and a relationship can be taken up again from it).
 */
export const RELATIONSHIP_STAGES = ['lead', 'contacted', 'meeting', 'negotiation', 'agreement', 'long-term', 'ended'] as const;
export type RelationshipStage = (typeof RELATIONSHIP_STAGES)[number];

/**
 * What moved a relationship to another stage: a staff decision, a B2B meeting on a trip (its
 * PartnerMeetingHeld meeting id), a programme event (its event id), or a merge of two companies.
 */
export const RELATIONSHIP_CAUSES = ['manual', 'partner-meeting', 'event', 'merge'] as const;
export type RelationshipCause = (typeof RELATIONSHIP_CAUSES)[number];

/** Participant gender as funders ask for it; `undisclosed` when the person did not say. */
export const GENDERS = ['woman', 'man', 'non-binary', 'undisclosed'] as const;
export type Gender = (typeof GENDERS)[number];

/**
 * Kinds of programme events: seminars, competence meetings, country briefings, trade fairs, meetings of
 * an export ring or export circle, and anything else the programme runs.
 */
export const EVENT_KINDS = [
  'seminar',
  'competence-meeting',
  'country-briefing',
  'trade-fair',
  'export-ring-meeting',
  'export-circle-meeting',
  'other',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** Topics of programme events (what a seminar or competence meeting is about). */
export const EVENT_TOPICS = [
  'legal',
  'financial',
  'transport-logistics',
  'market-entry',
  'culture',
  'country-information',
  'other',
] as const;
export type EventTopic = (typeof EVENT_TOPICS)[number];

/** Recurring groups of companies: export rings and export circles. */
export const RING_KINDS = ['export-ring', 'export-circle'] as const;
export type RingKind = (typeof RING_KINDS)[number];

/** How a B2B meeting with a partner abroad ended. */
export const MEETING_OUTCOMES = ['no-interest', 'follow-up', 'offer-requested', 'agreement'] as const;
export type MeetingOutcome = (typeof MEETING_OUTCOMES)[number];

/**
 * The programme's financiers, as codes: the EU, Region Västerbotten, the county administrative board
 * (Länsstyrelsen Västerbotten) and the municipalities of Umeå, Skellefteå and Vännäs.
 */
export const FINANCIERS = ['eu', 'region-vasterbotten', 'lansstyrelsen-vasterbotten', 'umea-kommun', 'skelleftea-kommun', 'vannas-kommun'] as const;
export type Financier = (typeof FINANCIERS)[number];
