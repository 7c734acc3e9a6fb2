// Every figure names its counting rule, so that a reader of a report can see what was counted. The same
// rules, in longer words, are in docs/reporting.md.

export const INDICATOR_RULES = {
  companiesSupported:
    'RCO01: enterprises receiving support — each enterprise counted once (a merged duplicate with its survivor), with at least one attended ' +
    'participation in a programme event (not cancelled) or a place on a completed trip starting in the period; breakdowns count an ' +
    'enterprise once per key, so they may add up to more than the total. Municipality: where the enterprise was at the start of the ' +
    'activity\'s day (Swedish time); outside-county for enterprises outside Västerbotten. Size class: the latest known.',
  participations:
    'Attended participations in programme events held in the period (not cancelled; no-shows and attendance corrected to absent are ' +
    'not counted), each participant once per event; hours as credited by the events service. Trips are counted under trips.',
  trips:
    'Completed trips (not cancelled) starting in the period, as last corrected; travelling enterprises each counted once; subsidy in whole SEK.',
  exporters:
    'Of the supported enterprises: baseline is the year before each enterprise\'s first supported activity, latest its latest reported ' +
    'year up to the period\'s end (the survivor\'s figures where a merged duplicate reported the same year). Exporting: export turnover ' +
    'above 0. New exporter: reported 0 in its baseline year and above 0 in a later latest year.',
  relationships:
    'Business relationships with partners abroad that reached agreement or long-term on a day of the period, each relationship once ' +
    '(at the first such change), not those ended by a company merge; by the partner\'s country and target region.',
  partnerMeetings: 'B2B meetings with partners abroad held on trips (not cancelled) on a day of the period, by outcome.',
  exportRings: 'Enterprises (merged duplicates with their survivor) that were members of an export ring or circle on at least one day of the period.',
  filtered:
    'With a filter (financier, municipality, activity kind), every figure is restricted to the enterprises counted in companiesSupported ' +
    'and to the activities matching it.',
} as const;
