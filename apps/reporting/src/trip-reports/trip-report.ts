import type { TripReport as RenderedTripReport } from '../report-files';

/** A trip report as kept and served; the report files render it (target regions are listed apart too). */
export interface TripReport extends RenderedTripReport {
  targetRegions: string[];
}
