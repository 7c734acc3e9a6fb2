import type { Writable } from 'node:stream';
import { CSV_BOM, CSV_LINE_END, csvLine } from './csv';
import { flattenItems, indicatorSections, metaLines } from './indicator-sections';
import type { ReportLabels } from './labels';
import { ChunkedTextWriter, finish, RowPacer } from './output';
import { companyCells, companyColumns, type Table, tripTables } from './report-tables';
import type { IndicatorsReport, ReportMeta, SupportedCompanyRow, TripReport } from './report-types';

// CSV files: one UTF-8 file with a BOM (so Excel reads å ä ö right), tables separated by a blank line.

export async function writeIndicatorsCsv(
  out: Writable,
  report: IndicatorsReport,
  companies: AsyncIterable<SupportedCompanyRow>,
  labels: ReportLabels,
): Promise<void> {
  const writer = new ChunkedTextWriter(out);
  const c = labels.indicatorColumns;
  await writer.write(CSV_BOM + csvLine([c.section, c.key, c.label, c.value, c.rule]));
  for (const line of metaLines(report, labels)) await writer.write(csvLine([labels.meta.section, line.key, line.label, line.value, '']));
  for (const section of indicatorSections(report, labels)) {
    for (const leaf of flattenItems(section.items)) {
      await writer.write(csvLine([section.title, `${section.key}.${leaf.key}`, leaf.label, leaf.value, section.rule]));
    }
  }
  await writer.write(CSV_LINE_END);
  await writeCompanyRows(out, writer, companies, labels);
  await writer.flush();
  await finish(out);
}

export async function writeCompaniesCsv(out: Writable, _meta: ReportMeta, companies: AsyncIterable<SupportedCompanyRow>, labels: ReportLabels): Promise<void> {
  // A bare table, so it imports anywhere; the period and filters are in the file name.
  const writer = new ChunkedTextWriter(out);
  await writer.write(CSV_BOM);
  await writeCompanyRows(out, writer, companies, labels);
  await writer.flush();
  await finish(out);
}

async function writeCompanyRows(out: Writable, writer: ChunkedTextWriter, companies: AsyncIterable<SupportedCompanyRow>, labels: ReportLabels): Promise<void> {
  await writer.write(csvLine(companyColumns(labels, false).map((column) => column.header)));
  const pacer = new RowPacer(out);
  for await (const company of companies) {
    await writer.write(csvLine(companyCells(company, labels, false)));
    await pacer.afterRow();
  }
}

export async function writeTripCsv(out: Writable, report: TripReport, labels: ReportLabels): Promise<void> {
  const tables = tripTables(report, labels, false);
  const writer = new ChunkedTextWriter(out);
  await writer.write(CSV_BOM);
  const order: Table[] = [tables.summary, tables.destinations, tables.companies, tables.meetings, tables.totals];
  for (const [index, table] of order.entries()) {
    if (index > 0) await writer.write(CSV_LINE_END);
    await writer.write(csvLine(table.columns.map((column) => column.header)));
    for (const row of table.rows) await writer.write(csvLine(row));
  }
  await writer.flush();
  await finish(out);
}
