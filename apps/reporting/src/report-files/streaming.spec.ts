import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { writeIndicatorsReport } from './index';
import type { ReportFormat } from './report-types';
import { CompanySource, CountingWritable, occurrenceCounter, sampleIndicators } from './test/fixtures';
import { parsePdfText } from './test/read-pdf';

// Company lists are streamed: rows are pulled from the AsyncIterable one at a time and written as
// they come, and a slow destination slows the pulling down. Heap use is not measured here.
//
// What the row count does not change is tested with few rows (each list still spans dozens of PDF
// pages); that a list is never held whole is shown with a list that has no end, which only a
// renderer that writes as it reads can answer at all. (These specs used 100,000 rows, three minutes
// of pdfkit's text layout that proved nothing 2,000 rows do not.)

const ROWS = 2_000;

describe(`${ROWS.toLocaleString('en')} companies are written completely`, () => {
  it('as CSV: every row arrives, the last one last', async () => {
    const lineEnds = occurrenceCounter('\r\n');
    const out = new CountingWritable({ onChunk: lineEnds.onChunk });
    const source = new CompanySource(ROWS);
    await writeIndicatorsReport(out, 'csv', sampleIndicators(), source);

    expect(source.pulled).toBe(ROWS);
    // header + 5 meta lines + 41 figures + blank line + companies header + the rows
    expect(lineEnds.count).toBe(1 + 5 + 41 + 1 + 1 + ROWS);
    expect(out.last.toString('utf8')).toMatch(/\r\n556000-2000,Åkesson Trä AB 2000,micro,Umeå,seminar,00000000-0000-4000-8000-000000002000\r\n$/);
  });

  it("as Excel: read back row by row with exceljs's streaming reader", async () => {
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

    expect(rows.get('Företag')).toBe(ROWS + 1);
    expect(lastName).toBe('Åkesson Trä AB 2000');
    expect(rows.get('Indikatorer')).toBe(1 + 5 + 41);
  });

  it('as PDF: page after page, ending with the last company and a complete trailer', async () => {
    const pageObjects = occurrenceCounter('/Type /Page\n');
    const out = new CountingWritable({ onChunk: pageObjects.onChunk, keep: 64 * 1024 });
    await writeIndicatorsReport(out, 'pdf', sampleIndicators(), new CompanySource(ROWS));

    const tail = out.last;
    expect(tail.subarray(-6).toString('latin1')).toMatch(/%%EOF\n?$/);
    const declaredPages = Number(/\/Type \/Pages\n\/Count (\d+)/.exec(tail.toString('latin1'))?.[1]);
    expect(declaredPages).toBe(pageObjects.count);
    // About 45 companies a page: the table goes on over dozens of pages.
    expect(declaredPages).toBeGreaterThan(ROWS / 50);
    const lastPages = parsePdfText(tail);
    expect(lastPages).toContain('Umeå Wärme HB 1999');
    expect(lastPages).toContain('Åkesson Trä AB 2000');
  });
});

describe('a list with no end is written as it is read', () => {
  // A source that never ends: a renderer that gathered the rows (or the pages) before writing would
  // never write a byte, and would fill the heap instead. The client reads until it has seen what it
  // waits for, then goes away; the rendering must then stop with an error, having written all along.
  const cases: { format: ReportFormat; needle: string; wanted: number; what: string }[] = [
    { format: 'csv', needle: '\r\n', wanted: 20_000, what: 'lines' },
    // The zip entries of the workbook: the companies sheet is compressed as it goes, so count its bytes.
    { format: 'xlsx', needle: '', wanted: 256 * 1024, what: 'bytes' },
    { format: 'pdf', needle: '/Type /Page\n', wanted: 30, what: 'finished pages' },
  ];

  it.each(cases)('$format: the client gets $wanted $what while rows keep coming', async ({ format, needle, wanted }) => {
    const found = needle ? occurrenceCounter(needle) : undefined;
    let seen = 0;
    let resolveSeen = () => {};
    const enough = new Promise<void>((resolve) => (resolveSeen = resolve));
    const out = new CountingWritable({
      onChunk: (chunk) => {
        found?.onChunk(chunk);
        seen = found ? found.count : seen + chunk.length;
        if (seen >= wanted) resolveSeen();
      },
    });
    const endless = new CompanySource(Number.POSITIVE_INFINITY);
    const rendering = writeIndicatorsReport(out, format, sampleIndicators(), endless);
    const outcome = Promise.race([enough.then(() => 'client saw enough'), rendering.then(() => 'rendering ended')]);

    await expect(outcome).resolves.toBe('client saw enough');
    const pulledWhenSeen = endless.pulled;
    out.destroy();
    await expect(rendering).rejects.toThrow();
    // It stopped reading when the client went away (at most a batch of rows more).
    expect(endless.pulled - pulledWhenSeen).toBeLessThanOrEqual(1_000);
    expect(seen).toBeGreaterThanOrEqual(wanted);
  });
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
