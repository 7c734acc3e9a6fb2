import { countryName, type ReportLabels, valueLabel } from './labels';
import type { SupportedCompanyRow, TripReport } from './report-types';

// The tables every format prints, built once so CSV, Excel and PDF say the same thing. Cells keep
// machine values (codes, numbers); `readable` cells (used in the PDF) carry Swedish names instead.

export type Cell = string | number | null;

export interface Column {
  header: string;
  /** Relative width in the PDF and about the characters an Excel column shows. */
  width: number;
  numeric?: boolean;
}

export interface Table {
  /** Heading above the table in the PDF (and the sheet's rows in Excel); CSV prints no titles. */
  title?: string;
  columns: Column[];
  rows: Cell[][];
}

export function companyColumns(labels: ReportLabels, forPdf: boolean): Column[] {
  const c = labels.companyColumns;
  const columns: Column[] = [
    { header: forPdf ? c.orgNumberShort : c.orgNumber, width: 14 },
    { header: c.name, width: 36 },
    { header: c.sizeClass, width: 15 },
    { header: c.municipality, width: 15 },
    { header: c.activityKinds, width: 28 },
  ];
  // The PDF is read by people; the company id only helps programs that join files with the API.
  return forPdf ? columns : [...columns, { header: c.companyId, width: 38 }];
}

export function companyCells(row: SupportedCompanyRow, labels: ReportLabels, readable: boolean): Cell[] {
  if (readable) {
    return [
      row.orgNumber,
      row.name,
      valueLabel(labels, 'sizeClass', row.sizeClass ?? 'unknown'),
      valueLabel(labels, 'municipality', row.municipality),
      row.activityKinds.map((kind) => valueLabel(labels, 'activityKind', kind)).join(', '),
    ];
  }
  return [row.orgNumber, row.name, row.sizeClass, row.municipality, row.activityKinds.join(', '), row.companyId];
}

export interface TripTables {
  summary: Table;
  destinations: Table;
  companies: Table;
  meetings: Table;
  totals: Table;
}

export function tripTables(report: TripReport, labels: ReportLabels, readable: boolean): TripTables {
  const t = labels.trip;
  const kv = (rows: Cell[][], title?: string): Table => ({
    title,
    columns: [
      { header: labels.trip.field, width: 28 },
      { header: labels.indicatorColumns.value, width: 60 },
    ],
    rows,
  });
  const financier = (code: string) => (readable ? valueLabel(labels, 'financier', code) : code);
  const country = (code: string) => (readable ? countryName(labels.locale, code) : code);
  const outcome = (code: string) => (readable ? valueLabel(labels, 'outcome', code) : code);
  const companiesById = new Map(report.travellingCompanies.map((company) => [company.companyId, company]));

  const summary = kv(
    [
      [t.title, report.title],
      [t.tripId, report.tripId],
      [labels.meta.from, report.startsOn],
      [labels.meta.to, report.endsOn],
      [t.financiers, report.financiers.map(financier).join(', ')],
      [t.revision, report.revision],
      [labels.meta.producedAt, report.producedAt],
    ],
    t.trip,
  );
  const destinations: Table = {
    title: t.destinations,
    columns: [
      { header: t.country, width: 20 },
      { header: t.targetRegion, width: 24 },
      { header: t.city, width: 24 },
    ],
    rows: report.destinations.map((d) => [country(d.country), d.targetRegion, d.city]),
  };
  const companies: Table = {
    title: t.companies,
    columns: [
      { header: readable ? labels.companyColumns.orgNumberShort : labels.companyColumns.orgNumber, width: 14 },
      { header: labels.companyColumns.name, width: 36 },
      { header: t.daysAbroad, width: 12, numeric: true },
      { header: t.subsidySek, width: 14, numeric: true },
      ...(readable ? [] : [{ header: labels.companyColumns.companyId, width: 38 }]),
    ],
    rows: report.travellingCompanies.map((c) => [c.orgNumber, c.name, c.daysAbroad, c.subsidySek, ...(readable ? [] : [c.companyId])]),
  };
  const meetings: Table = {
    title: t.meetings,
    columns: [
      { header: t.heldAt, width: 16 },
      { header: t.company, width: 26 },
      { header: t.partner, width: 24 },
      { header: t.partnerCountry, width: 14 },
      { header: t.outcome, width: 16 },
      { header: t.followUpOn, width: 12 },
      ...(readable
        ? []
        : [
            { header: t.meetingId, width: 38 },
            { header: labels.companyColumns.companyId, width: 38 },
          ]),
    ],
    rows: report.meetings.map((m) => {
      const company = companiesById.get(m.companyId);
      const companyName = company?.name ?? company?.orgNumber ?? m.companyId;
      return [
        readable ? heldAtText(m.heldAt, labels) : m.heldAt,
        companyName,
        m.partnerName,
        country(m.partnerCountry),
        outcome(m.outcome),
        m.followUpOn,
        ...(readable ? [] : [m.meetingId, m.companyId]),
      ];
    }),
  };
  const outcomes = Object.keys(report.totals.meetingsByOutcome);
  const outcomeOrder = Object.keys(labels.values.outcome);
  outcomes.sort((a, b) => rank(outcomeOrder, a) - rank(outcomeOrder, b) || (a < b ? -1 : a > b ? 1 : 0));
  const totals = kv(
    [
      [t.travellingCompanies, report.totals.travellingCompanies],
      [t.subsidySek, report.totals.subsidySek],
      ...outcomes.map((key): Cell[] => [`${t.meetingsByOutcome}: ${outcome(key)}`, report.totals.meetingsByOutcome[key]]),
    ],
    t.totals,
  );
  return { summary, destinations, companies, meetings, totals };
}

function rank(order: string[], key: string): number {
  const index = order.indexOf(key);
  return index === -1 ? order.length : index;
}

/** A meeting's instant as a Swedish local date and time. */
function heldAtText(heldAt: string, labels: ReportLabels): string {
  const instant = new Date(heldAt);
  if (Number.isNaN(instant.getTime())) return heldAt;
  return new Intl.DateTimeFormat(labels.locale, { timeZone: labels.timeZone, dateStyle: 'short', timeStyle: 'short' }).format(instant);
}
