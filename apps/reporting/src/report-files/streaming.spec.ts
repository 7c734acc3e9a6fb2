import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { writeIndicatorsReport } from './index';
import type { ReportFormat } from './report-types';
import { CompanySource, CountingWritable, occurrenceCounter, sampleIndicators } from './test/fixtures';
import { parsePdfText } from './test/read-pdf';

// Company lists are streamed: rows are pulled from the AsyncIterable one at a time and written as
// they come, and a slow destination slows the pulling down. Heap use is not measured here.

const ROWS = 100_000;

describe('100,000 companies are written completely', () => {
  it('as CSV: every row arrives, the last one last', async () => {
    const lineEnds = occurrenceCounter('\r\n');
    const out = new CountingWritable({ onChunk: lineEnds.onChunk });
    const source = new CompanySource(ROWS);
    await writeIndicatorsReport(out, 'csv', sampleIndicators(), source);

    expect(source.pulled).toBe(ROWS);
    // header + 5 meta lines + 41 figures + blank line + companies header + the rows
    expect(lineEnds.count).toBe(1 + 5 + 41 + 1 + 1 + ROWS);
    expect(out.last.toString('utf8')).toMatch(/\r\n556000-0000,Åkesson Trä AB 100000,micro,Umeå,seminar,00000000-0000-4000-8000-000000100000\r\n$/);
  });

  it('as Excel: read back row by row with exceljs\'s streaming reader', async () => {
    const feed = new PassThrough();
    const out = new CountingWritable({ forward: feed });
    const reading = (async () => {
      const rows = new Map<string, number>();
      let lastName: unknown;
      for await (const sheet of new ExcelJS.stream.xlsx.WorkbookReader(feed, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore' })) {
        const worksheet = sheet as unknown as AsyncIterable<ExcelJS.Row> & { name: string };
        let count = 0;
        for await (const row of worksheet) {
          count += 1;
          lastName = row.getCell(2).value;
        }
        rows.set(worksheet.name, count);
      }
      return { rows, lastName };
    })();
    await writeIndicatorsReport(out, 'xlsx', sampleIndicators(), new CompanySource(ROWS));
    const { rows, lastName } = await reading;

    expect(out.length).toBeGreaterThan(1_000_000);
    expect(rows.get('Företag')).toBe(ROWS + 1);
    expect(lastName).toBe('Åkesson Trä AB 100000');
    expect(rows.get('Indikatorer')).toBe(1 + 5 + 41);
  });

  it('as PDF: page after page, ending with the last company and a complete trailer', async () => {
    const pageObjects = occurrenceCounter('/Type /Page\n');
    const out = new CountingWritable({ onChunk: pageObjects.onChunk, keep: 512 * 1024 });
    await writeIndicatorsReport(out, 'pdf', sampleIndicators(), new CompanySource(ROWS));

    const tail = out.last;
    expect(tail.subarray(-6).toString('latin1')).toMatch(/%%EOF\n?$/);
    const declaredPages = Number(/\/Type \/Pages\n\/Count (\d+)/.exec(tail.toString('latin1'))?.[1]);
    expect(declaredPages).toBe(pageObjects.count);
    expect(declaredPages).toBeGreaterThan(ROWS / 50);
    const lastPages = parsePdfText(tail);
    expect(lastPages).toContain('Umeå Wärme HB 99999');
    expect(lastPages).toContain('Åkesson Trä AB 100000');
  }, 600_000);
});

describe('a slow client slows the reading of rows', () => {
  // The client takes 1 ms per 64 bytes written (a simulated slow link, not a wait for an effect).
  // At every row pulled, the bytes the client has accepted must be close behind: a renderer that
  // ignored backpressure would pull all rows at once and leave the output to pile up in memory.
  const cases: { format: ReportFormat; rows: number; minBytesPerRow: number; lagRows: number }[] = [
    { format: 'csv', rows: 5_000, minBytesPerRow: 60, lagRows: 1_500 },
    { format: 'xlsx', rows: 10_000, minBytesPerRow: 15, lagRows: 4_000 },
    { format: 'pdf', rows: 3_000, minBytesPerRow: 50, lagRows: 600 },
  ];

  it.each(cases)('$format', async ({ format, rows, minBytesPerRow, lagRows }) => {
    const out = new CountingWritable({ bytesPerMs: 64, highWaterMark: 4 * 1024 });
    let worstShortfall = 0;
    const source = new CompanySource(rows, undefined, (pulled) => {
      worstShortfall = Math.max(worstShortfall, (pulled - lagRows) * minBytesPerRow - out.accepted);
    });
    await writeIndicatorsReport(out, format, sampleIndicators(), source);

    expect(source.pulled).toBe(rows);
    expect(out.length).toBeGreaterThan(rows * minBytesPerRow);
    expect(worstShortfall).toBeLessThanOrEqual(0);
  }, 120_000);
});
