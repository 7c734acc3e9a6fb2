import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { writeCompaniesList, writeIndicatorsReport, writeTripReport } from './index';
import type { ReportFormat } from './report-types';
import { CollectingWritable, companies, sampleIndicators, sampleTrip } from './test/fixtures';

// A frozen period re-rendered from its stored snapshot must download byte-identical, so nothing in a
// file may depend on when it was rendered. The clock is moved between the two renderings with jest's
// fake Date (only Date: timers and ticks stay real), years apart, instead of sleeping; the control
// specs at the end show that the libraries do stamp the current time when not told otherwise.

const FORMATS: ReportFormat[] = ['csv', 'xlsx', 'pdf'];
const CLOCKS = [new Date('2026-12-01T09:00:00.000Z'), new Date('2031-06-15T21:30:00.000Z')];

type Render = (out: CollectingWritable) => Promise<void>;

async function bytesAt(clock: Date, render: Render): Promise<Buffer> {
  jest.useFakeTimers({
    now: clock,
    doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
  });
  try {
    expect(new Date().getTime()).toBe(clock.getTime());
    const out = new CollectingWritable();
    await render(out);
    return out.bytes;
  } finally {
    jest.useRealTimers();
  }
}

/** The same data with every object's keys in reverse order, as a jsonb column may give them back. */
function reverseKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reverseKeys) as T;
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, child]) => [key, reverseKeys(child)]),
  ) as T;
}

describe.each(FORMATS)('%s files are byte-identical for the same input', (format) => {
  const renders: Record<string, (producedAt?: string, reorder?: boolean) => Render> = {
    indicators: (producedAt, reorder) => (out) => {
      const report = sampleIndicators(producedAt ? { producedAt } : {});
      return writeIndicatorsReport(out, format, reorder ? reverseKeys(report) : report, companies(120));
    },
    companies: (producedAt, reorder) => (out) => {
      const report = sampleIndicators(producedAt ? { producedAt } : {});
      return writeCompaniesList(out, format, reorder ? reverseKeys(report) : report, companies(120));
    },
    trip: (producedAt, reorder) => (out) => {
      const report = sampleTrip(producedAt ? { producedAt } : {});
      return writeTripReport(out, format, reorder ? reverseKeys(report) : report);
    },
  };

  it.each(Object.keys(renders))('%s: rendered twice, years apart', async (kind) => {
    const first = await bytesAt(CLOCKS[0], renders[kind]());
    const second = await bytesAt(CLOCKS[1], renders[kind]());
    expect(first.length).toBeGreaterThan(100);
    expect(second.equals(first)).toBe(true);
  });

  it.each(Object.keys(renders))('%s: the same bytes when the snapshot comes back with its keys reordered', async (kind) => {
    const first = await bytesAt(CLOCKS[0], renders[kind]());
    const reordered = await bytesAt(CLOCKS[0], renders[kind](undefined, true));
    expect(reordered.equals(first)).toBe(true);
  });

  it.each(Object.keys(renders))('%s: another producedAt gives other bytes', async (kind) => {
    const first = await bytesAt(CLOCKS[0], renders[kind]('2026-11-30T17:55:12.345Z'));
    const later = await bytesAt(CLOCKS[0], renders[kind]('2026-12-02T08:00:00.000Z'));
    // The companies list as CSV is a bare table (made for importing elsewhere): it holds no time at all.
    const holdsProducedAt = !(format === 'csv' && kind === 'companies');
    expect(later.equals(first)).toBe(!holdsProducedAt);
  });
});

describe('controls: the libraries stamp the current time unless told otherwise', () => {
  it('pdfkit with its default CreationDate', async () => {
    const render: Render = async (out) => {
      const doc = new PDFDocument();
      const chunks: Buffer[] = [];
      doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      const ended = new Promise((resolve) => doc.on('end', resolve));
      doc.text('Globac');
      doc.end();
      await ended;
      out.end(Buffer.concat(chunks));
    };
    const first = await bytesAt(CLOCKS[0], render);
    const second = await bytesAt(CLOCKS[1], render);
    expect(second.equals(first)).toBe(false);
  });

  it('exceljs\'s streaming writer with its default dates and archiver\'s entry times', async () => {
    const render: Render = async (out) => {
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out });
      workbook.created = new Date('2026-01-01T00:00:00.000Z');
      workbook.modified = workbook.created;
      workbook.addWorksheet('Företag').addRow(['Åkesson Trä AB']).commit();
      await workbook.commit();
    };
    const first = await bytesAt(CLOCKS[0], render);
    const second = await bytesAt(CLOCKS[1], render);
    // Only the zip entries' timestamps can differ here: the document dates are fixed above.
    expect(second.equals(first)).toBe(false);
  });
});
