import type { Writable } from 'node:stream';
import { type IndicatorItem, indicatorSections, isGroup, filtersText, producedAtText } from './indicator-sections';
import { type ReportLabels, valueLabel } from './labels';
import { ReportPdf } from './pdf-document';
import { companyCells, companyColumns, type Table, tripTables } from './report-tables';
import type { IndicatorsReport, ReportMeta, SupportedCompanyRow, TripReport } from './report-types';

// PDF reports for people: the programme, what the report covers, every figure with its counting rule,
// and the companies behind the figures, page after page with the table header repeated.

function periodText(meta: ReportMeta): string {
  return `${meta.period.from} – ${meta.period.to}`;
}

function footerText(meta: ReportMeta, title: string): string {
  return `${meta.programme} · ${title} · ${periodText(meta)}`;
}

function coverLines(pdf: ReportPdf, meta: ReportMeta, labels: ReportLabels): void {
  pdf.metaLine(labels.meta.period, periodText(meta));
  pdf.metaLine(labels.meta.filters, filtersText(meta.filters, labels));
  pdf.metaLine(labels.meta.producedAt, producedAtText(meta.producedAt, labels));
}

function drawItems(pdf: ReportPdf, items: IndicatorItem[], labels: ReportLabels, depth: number): void {
  for (const item of items) {
    if (isGroup(item)) {
      pdf.keyValue(item.label, item.items.length ? '' : labels.meta.none, { indent: depth, keepWithNext: item.items.length > 0 });
      drawItems(pdf, item.items, labels, depth + 1);
    } else {
      pdf.keyValue(item.label, typeof item.value === 'number' ? pdf.formatNumber(item.value) : item.value, { indent: depth, bold: depth === 0 });
    }
  }
}

async function drawCompanies(pdf: ReportPdf, companies: AsyncIterable<SupportedCompanyRow>, labels: ReportLabels): Promise<void> {
  const table = pdf.table(companyColumns(labels, true));
  // pdfkit hands each finished page to `out` at once; the pacer waits whenever out is full.
  const pacer = pdf.pacer();
  for await (const company of companies) {
    table.row(companyCells(company, labels, true));
    await pacer.afterRow();
  }
  table.end(labels.meta.noCompanies);
}

export async function writeIndicatorsPdf(
  out: Writable,
  report: IndicatorsReport,
  companies: AsyncIterable<SupportedCompanyRow>,
  labels: ReportLabels,
): Promise<void> {
  const title = labels.titles.indicators;
  const pdf = new ReportPdf(out, { title: `${report.programme}: ${title} ${periodText(report)}`, subject: title, programme: report.programme, producedAt: report.producedAt, footer: footerText(report, title) }, labels);
  pdf.title(report.programme, title);
  coverLines(pdf, report, labels);
  for (const section of indicatorSections(report, labels)) {
    pdf.heading(section.title);
    if (section.rule) pdf.note(`${labels.ruleLabel}: ${section.rule}`);
    drawItems(pdf, section.items, labels, 0);
  }
  pdf.heading(labels.titles.companies);
  await drawCompanies(pdf, companies, labels);
  await pdf.end();
}

export async function writeCompaniesPdf(out: Writable, meta: ReportMeta, companies: AsyncIterable<SupportedCompanyRow>, labels: ReportLabels): Promise<void> {
  const title = labels.titles.companies;
  const pdf = new ReportPdf(out, { title: `${meta.programme}: ${title} ${periodText(meta)}`, subject: title, programme: meta.programme, producedAt: meta.producedAt, footer: footerText(meta, title) }, labels);
  pdf.title(meta.programme, title);
  coverLines(pdf, meta, labels);
  pdf.gap(0.5);
  await drawCompanies(pdf, companies, labels);
  await pdf.end();
}

function drawTable(pdf: ReportPdf, table: Table, labels: ReportLabels): void {
  if (table.title) pdf.heading(table.title);
  const drawn = pdf.table(table.columns);
  for (const row of table.rows) drawn.row(row);
  drawn.end(labels.meta.emptyTable);
}

export async function writeTripPdf(out: Writable, report: TripReport, labels: ReportLabels, programme: string): Promise<void> {
  const title = labels.titles.trip;
  const pdf = new ReportPdf(
    out,
    { title: `${programme}: ${title} – ${report.title}`, subject: title, programme, producedAt: report.producedAt, footer: `${programme} · ${title} · ${report.title}` },
    labels,
  );
  pdf.title(programme, `${title}: ${report.title}`);
  const tables = tripTables(report, labels, true);
  const t = labels.trip;
  pdf.metaLine(t.dates, `${report.startsOn} – ${report.endsOn}`);
  pdf.metaLine(t.financiers, report.financiers.map((code) => valueLabel(labels, 'financier', code)).join(', ') || t.none);
  pdf.metaLine(t.revision, String(report.revision));
  pdf.metaLine(labels.meta.producedAt, producedAtText(report.producedAt, labels));
  pdf.metaLine(t.tripId, report.tripId);
  drawTable(pdf, tables.destinations, labels);
  drawTable(pdf, tables.companies, labels);
  drawTable(pdf, tables.meetings, labels);
  pdf.heading(t.totals);
  for (const row of tables.totals.rows) pdf.keyValue(String(row[0]), typeof row[1] === 'number' ? pdf.formatNumber(row[1]) : String(row[1] ?? ''));
  await pdf.end();
}
