import type { Writable } from 'node:stream';
import { writeCompaniesCsv, writeIndicatorsCsv, writeTripCsv } from './csv-report';
import { SWEDISH_LABELS } from './labels';
import { writeCompaniesPdf, writeIndicatorsPdf, writeTripPdf } from './pdf-report';
import type { IndicatorsReport, ReportFormat, ReportMeta, SupportedCompanyRow, TripReport } from './report-types';
import { writeCompaniesXlsx, writeIndicatorsXlsx, writeTripXlsx } from './xlsx-report';

// The reporting service's downloads as CSV, Excel and PDF. Pure: no HTTP, no database, no clock.
// Each writer streams into `out`, ends it, and resolves once `out` has accepted everything; on an
// error it rejects and leaves `out` to the caller (destroy it). The same input gives the same bytes.

export { REPORT_CONTENT_TYPES, reportFileName, type ReportFileNameContext, type ReportKind } from './file-names';
export { ReportDestinationClosedError } from './output';
export type { Figure, IndicatorsReport, ReportFilters, ReportFormat, ReportMeta, SupportedCompanyRow, TripReport } from './report-types';

export const REPORT_FORMATS: readonly ReportFormat[] = ['csv', 'xlsx', 'pdf'];

const DEFAULT_PROGRAMME = 'Globac';

/** Only Swedish so far; an English table in labels.ts would be picked here. */
const labels = SWEDISH_LABELS;

/** The indicators with their counting rules, then the companies behind them (rows streamed as they come). */
export async function writeIndicatorsReport(
  out: Writable,
  format: ReportFormat,
  report: IndicatorsReport,
  companies: AsyncIterable<SupportedCompanyRow>,
): Promise<void> {
  switch (format) {
    case 'csv':
      return writeIndicatorsCsv(out, report, companies, labels);
    case 'xlsx':
      return writeIndicatorsXlsx(out, report, companies, labels);
    case 'pdf':
      return writeIndicatorsPdf(out, report, companies, labels);
    default:
      throw unknownFormat(format);
  }
}

/** The org numbers, names, size classes and municipalities behind `companiesSupported`. */
export async function writeCompaniesList(out: Writable, format: ReportFormat, meta: ReportMeta, companies: AsyncIterable<SupportedCompanyRow>): Promise<void> {
  switch (format) {
    case 'csv':
      return writeCompaniesCsv(out, meta, companies, labels);
    case 'xlsx':
      return writeCompaniesXlsx(out, meta, companies, labels);
    case 'pdf':
      return writeCompaniesPdf(out, meta, companies, labels);
    default:
      throw unknownFormat(format);
  }
}

/** A completed trip: destinations, travelling companies with their subsidy, meetings and outcomes. */
export async function writeTripReport(out: Writable, format: ReportFormat, report: TripReport): Promise<void> {
  const programme = report.programme ?? DEFAULT_PROGRAMME;
  switch (format) {
    case 'csv':
      return writeTripCsv(out, report, labels);
    case 'xlsx':
      return writeTripXlsx(out, report, labels, programme);
    case 'pdf':
      return writeTripPdf(out, report, labels, programme);
    default:
      throw unknownFormat(format);
  }
}

function unknownFormat(format: never): Error {
  return new RangeError(`Unknown report format ${JSON.stringify(format)} (expected one of ${REPORT_FORMATS.join(', ')})`);
}
