import ExcelJS from 'exceljs';
import { writeCompaniesList } from './index';
import type { ReportFormat, SupportedCompanyRow } from './report-types';
import { CollectingWritable, companies, companyRow, CountingWritable, sampleIndicators } from './test/fixtures';
import { parseCsv } from './test/read-csv';
import { parsePdfText } from './test/read-pdf';

const meta = sampleIndicators({ filters: { activityKind: 'trip' } });

async function render(format: ReportFormat, count: number): Promise<Buffer> {
  const out = new CollectingWritable();
  await writeCompaniesList(out, format, meta, companies(count, (i) => (i === 2 ? { ...companyRow(i), name: '@SUM(1+1)*cmd|" /C calc"!A0' } : companyRow(i))));
  return out.bytes;
}

describe('companies list', () => {
  it('as CSV is one table with a header, ready to import', async () => {
    const bytes = await render('csv', 3);
    expect(bytes.subarray(0, 3).toString('hex')).toBe('efbbbf');
    expect(parseCsv(bytes.toString('utf8').slice(1))).toEqual([
      ['Organisationsnummer', 'Namn', 'Storleksklass', 'Kommun', 'Aktivitetstyper', 'Företags-id'],
      ['556001-0001', 'Västerbottens Ädelfisk AB 1', 'small', 'Skellefteå', 'seminar', '00000000-0000-4000-8000-000000000001'],
      ['556002-0002', `'@SUM(1+1)*cmd|" /C calc"!A0`, 'medium', 'Åsele', 'seminar', '00000000-0000-4000-8000-000000000002'],
      ['556003-0003', 'Norrsken Tech AB 3', '', 'Vännäs', 'seminar, trip', '00000000-0000-4000-8000-000000000003'],
    ]);
  });

  it('as Excel has the companies and a sheet that says what the list covers', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await render('xlsx', 3)) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Företag', 'Om rapporten']);
    const sheet = workbook.getWorksheet('Företag')!;
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(4).getCell(2).value).toBe('Norrsken Tech AB 3');
    expect(sheet.getRow(4).getCell(3).value).toBeNull();
    const about = new Map<string, unknown>();
    workbook.getWorksheet('Om rapporten')!.eachRow((row) => about.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(about.get('Program')).toBe('Globac');
    expect(about.get('Från och med')).toBe('2026-01-01');
    expect(about.get('Till och med')).toBe('2026-12-31');
    expect(about.get('Urval')).toBe('Aktivitetstyp: Affärsresa (trip)');
    expect(about.get('Framställd')).toBe('2026-11-30 18:55:12 (Europe/Stockholm), 2026-11-30T17:55:12.345Z');
  });

  it('as PDF has the title, period, filters, when produced and the table with Swedish names', async () => {
    const text = parsePdfText(await render('pdf', 3)).replace(/\s+/g, ' ');
    for (const expected of [
      'Globac',
      'Stödda företag',
      '2026-01-01 – 2026-12-31',
      'Aktivitetstyp: Affärsresa (trip)',
      '2026-11-30 18:55:12 (Europe/Stockholm)',
      'Org.nr',
      'Västerbottens Ädelfisk AB 1',
      'Norrsken Tech AB 3',
      'Okänd',
      'Seminarium, Affärsresa',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('says so in the PDF when there are no companies', async () => {
    const text = parsePdfText(await render('pdf', 0));
    expect(text).toContain('Org.nr');
    expect(text).toContain('Inga företag i urvalet');
  });
});

describe.each<ReportFormat>(['csv', 'xlsx', 'pdf'])('%s: when things go wrong', (format) => {
  it('rejects with the source\'s error and leaves the destination to the caller', async () => {
    async function* failing(): AsyncIterable<SupportedCompanyRow> {
      for (let i = 1; i <= 600; i++) yield companyRow(i);
      throw new Error('cursor lost');
    }
    const out = new CountingWritable();
    await expect(writeCompaniesList(out, format, meta, failing())).rejects.toThrow('cursor lost');
    expect(out.writableEnded).toBe(false);
    out.destroy();
  });

  it('stops reading rows when the client goes away', async () => {
    const out = new CountingWritable({ bytesPerMs: 64, highWaterMark: 1024 });
    const source = companies(50_000);
    const rendering = writeCompaniesList(out, format, meta, source);
    // The client disconnects once the download has started.
    const started = new Promise<void>((resolve) => {
      const poll = () => (out.length > 0 ? resolve() : setImmediate(poll));
      poll();
    });
    await started;
    out.destroy();
    await expect(rendering).rejects.toThrow();
    expect(source.pulled).toBeLessThan(50_000);
  }, 60_000);
});
