/** Counts by key (a breakdown of a figure). */
export type Figure = Record<string, number>;

/** A trip report as kept and served (the shape the report files render, see report-files). */
export interface TripReport {
  tripId: string;
  title: string;
  startsOn: string;
  endsOn: string;
  producedAt: string;
  revision: number;
  destinations: { country: string; targetRegion: string | null; city: string | null }[];
  targetRegions: string[];
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
