// The shapes the renderers take. They mirror the reporting API's answers (the core helper's
// IndicatorsReport and TripReport); the renderers print whatever fields are given, so a field added
// there shows up in the files without a change here.

export type ReportFormat = 'csv' | 'xlsx' | 'pdf';

/** Counts by key, e.g. `{ micro: 3, small: 5 }`. */
export interface Figure {
  [key: string]: number;
}

export interface ReportFilters {
  financier?: string;
  municipality?: string;
  activityKind?: string;
}

export interface IndicatorsReport {
  programme: string;
  /** Days in Europe/Stockholm, YYYY-MM-DD, both included. */
  period: { from: string; to: string };
  filters: ReportFilters;
  /** ISO instant: the only time a rendered file contains. */
  producedAt: string;
  companiesSupported: { total: number; bySizeClass: Figure; byActivityKind: Figure; byMunicipality: Figure; byFinancier: Figure; rule: string };
  participations: { attended: number; byGender: Figure; hours: number; rule: string };
  trips: { completed: number; travellingCompanies: number; subsidySek: number; rule: string };
  exporters: {
    exportingLatest: number;
    exportingBaseline: number;
    newExporters: number;
    exportTurnoverSek: { baseline: number; latest: number };
    rule: string;
  };
  relationships: { reached: number; byPartnerCountry: Figure; byTargetRegion: Figure; rule: string };
  partnerMeetings: { held: number; byOutcome: Figure; rule: string };
  exportRings: { companies: number; rule: string };
}

export type ReportMeta = Pick<IndicatorsReport, 'programme' | 'period' | 'filters' | 'producedAt'>;

export interface SupportedCompanyRow {
  companyId: string;
  orgNumber: string;
  name: string;
  sizeClass: string | null;
  municipality: string;
  activityKinds: string[];
}

export interface TripReport {
  /** The programme's name for the files' titles; 'Globac' when not given. */
  programme?: string;
  tripId: string;
  title: string;
  startsOn: string;
  endsOn: string;
  producedAt: string;
  revision: number;
  destinations: { country: string; targetRegion: string | null; city: string | null }[];
  financiers: string[];
  travellingCompanies: { companyId: string; orgNumber: string | null; name: string | null; daysAbroad: number; subsidySek: number }[];
  meetings: {
    meetingId: string;
    companyId: string;
    partnerName: string | null;
    partnerCountry: string;
    heldAt: string;
    outcome: string;
    followUpOn: string | null;
  }[];
  totals: { travellingCompanies: number; subsidySek: number; meetingsByOutcome: Figure };
}
