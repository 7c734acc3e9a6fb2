import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { flattenItems, indicatorSections, metaLines, parseProducedAt } from './indicator-sections';
import type { ReportLabels } from './labels';
import { finish, RowPacer, whileOpen } from './output';
import { type Column, companyCells, companyColumns, type Table, tripTables } from './report-tables';
import type { IndicatorsReport, ReportMeta, SupportedCompanyRow, TripReport } from './report-types';

// Excel files through exceljs's streaming WorkbookWriter: rows are committed (serialised and handed
// to the zip) as they come, so a sheet of 100,000 companies is never held in memory.

type Workbook = ExcelJS.stream.xlsx.WorkbookWriter;
type Sheet = ExcelJS.Worksheet;

/** The zip's internals we reach into to fix its entry dates (see `deterministicWorkbook`). */
interface ArchiverWithModule {
  _module?: { append?: (source: unknown, data: { date?: Date }, callback: unknown) => void };
}

/**
 * A workbook whose bytes depend only on what is written into it: document dates are `producedAt`,
 * and so is every zip entry's timestamp (archiver would stamp each entry with "now").
 */
function deterministicWorkbook(out: Writable, producedAt: string, programme: string): Workbook {
  const date = parseProducedAt(producedAt);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    // Inline strings: shared strings would keep every distinct name in memory until the end.
    useSharedStrings: false,
  });
  // Read when the workbook is committed (docProps/core.xml).
  workbook.created = date;
  workbook.modified = date;
  workbook.creator = programme;
  workbook.lastModifiedBy = programme;
  // exceljs gives archiver no entry date and archiver then takes the current time. Entries reach the
  // zip module asynchronously (archiver's queue), so wrapping it here covers every entry, including
  // the two the constructor queued. The determinism spec fails if an upgrade moves this.
  const zipModule = (workbook as unknown as { zip: ArchiverWithModule }).zip._module;
  const append = zipModule?.append;
  if (!zipModule || typeof append !== 'function') throw new Error('exceljs/archiver internals changed: cannot fix the zip entry dates');
  zipModule.append = (source, data, callback) => append.call(zipModule, source, { ...data, date }, callback);
  return workbook;
}

function addSheet(workbook: Workbook, name: string, columns: Column[]): Sheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({ width: column.width }));
  const header = sheet.addRow(columns.map((column) => column.header));
  header.font = { bold: true };
  header.commit();
  return sheet;
}

function addTableRows(sheet: Sheet, table: Table, withHeader: boolean): void {
  if (withHeader) {
    const header = sheet.addRow(table.columns.map((column) => column.header));
    header.font = { bold: true };
    header.commit();
  }
  for (const row of table.rows) sheet.addRow(row).commit();
}

async function writeCompaniesSheet(workbook: Workbook, out: Writable, companies: AsyncIterable<SupportedCompanyRow>, labels: ReportLabels): Promise<void> {
  const sheet = addSheet(workbook, labels.sheets.companies, companyColumns(labels, false));
  const pacer = new RowPacer(out);
  for await (const company of companies) {
    sheet.addRow(companyCells(company, labels, false)).commit();
    await pacer.afterRow();
  }
  sheet.commit();
}

function indicatorColumns(labels: ReportLabels): Column[] {
  const c = labels.indicatorColumns;
  return [
    { header: c.section, width: 30 },
    { header: c.key, width: 42 },
    { header: c.label, width: 50 },
    { header: c.value, width: 16, numeric: true },
    { header: c.rule, width: 90 },
  ];
}

export async function writeIndicatorsXlsx(
  out: Writable,
  report: IndicatorsReport,
  companies: AsyncIterable<SupportedCompanyRow>,
  labels: ReportLabels,
): Promise<void> {
  const workbook = deterministicWorkbook(out, report.producedAt, report.programme);
  const indicators = addSheet(workbook, labels.sheets.indicators, indicatorColumns(labels));
  for (const line of metaLines(report, labels)) indicators.addRow([labels.meta.section, line.key, line.label, line.value, null]).commit();
  for (const section of indicatorSections(report, labels)) {
    for (const leaf of flattenItems(section.items)) {
      indicators.addRow([section.title, `${section.key}.${leaf.key}`, leaf.label, leaf.value, section.rule]).commit();
    }
  }
  // Committed before the companies start: the zip takes one entry at a time, in order.
  indicators.commit();
  await writeCompaniesSheet(workbook, out, companies, labels);
  await whileOpen(out, workbook.commit());
  await finish(out);
}

function writeAboutSheet(workbook: Workbook, meta: ReportMeta, labels: ReportLabels): void {
  const about = addSheet(workbook, labels.sheets.about, [
    { header: labels.indicatorColumns.label, width: 24 },
    { header: labels.indicatorColumns.value, width: 70 },
  ]);
  about.addRow([labels.meta.section, labels.titles.companies]).commit();
  for (const line of metaLines(meta, labels)) about.addRow([line.label, line.value]).commit();
  about.commit();
}

export async function writeCompaniesXlsx(out: Writable, meta: ReportMeta, companies: AsyncIterable<SupportedCompanyRow>, labels: ReportLabels): Promise<void> {
  const workbook = deterministicWorkbook(out, meta.producedAt, meta.programme);
  await writeCompaniesSheet(workbook, out, companies, labels);
  writeAboutSheet(workbook, meta, labels);
  await whileOpen(out, workbook.commit());
  await finish(out);
}

export async function writeTripXlsx(out: Writable, report: TripReport, labels: ReportLabels, programme: string): Promise<void> {
  const workbook = deterministicWorkbook(out, report.producedAt, programme);
  const tables = tripTables(report, labels, false);
  const trip = addSheet(workbook, labels.sheets.trip, tables.summary.columns);
  addTableRows(trip, tables.summary, false);
  for (const table of [tables.destinations, tables.totals]) {
    trip.addRow([]).commit();
    addTableRows(trip, table, true);
  }
  trip.commit();
  const companies = addSheet(workbook, labels.sheets.travellingCompanies, tables.companies.columns);
  addTableRows(companies, tables.companies, false);
  companies.commit();
  const meetings = addSheet(workbook, labels.sheets.meetings, tables.meetings.columns);
  addTableRows(meetings, tables.meetings, false);
  meetings.commit();
  await whileOpen(out, workbook.commit());
  await finish(out);
}
