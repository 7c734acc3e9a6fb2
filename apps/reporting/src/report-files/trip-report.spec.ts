import ExcelJS from 'exceljs';
import { writeTripReport } from './index';
import type { ReportFormat, TripReport } from './report-types';
import { CollectingWritable, sampleTrip } from './test/fixtures';
import { parseCsv } from './test/read-csv';
import { hasPdftotext, parsePdfText, pdfToText } from './test/read-pdf';

async function render(format: ReportFormat, report: TripReport = sampleTrip()): Promise<Buffer> {
  const out = new CollectingWritable();
  await writeTripReport(out, format, report);
  return out.bytes;
}

/** The CSV's tables, split at the blank lines between them. */
function csvTables(bytes: Buffer): string[][][] {
  const tables: string[][][] = [[]];
  for (const row of parseCsv(bytes.toString('utf8').slice(1))) {
    if (row.length === 1 && row[0] === '') tables.push([]);
    else tables[tables.length - 1].push(row);
  }
  return tables;
}

describe('trip report', () => {
  it('as CSV: the trip, its destinations, travelling companies with their subsidy, meetings with their outcomes, totals', async () => {
    const [summary, destinations, companies, meetings, totals] = csvTables(await render('csv'));
    expect(summary).toEqual([
      ['Uppgift', 'Värde'],
      ['Namn', 'Affärsresa till Poznań och Łódź'],
      ['Rese-id', '7d9f1c2e-3b4a-4c5d-8e6f-0a1b2c3d4e5f'],
      ['Från och med', '2026-05-11'],
      ['Till och med', '2026-05-15'],
      ['Finansiärer', 'eu, region-vasterbotten'],
      ['Version', '2'],
      ['Framställd', '2026-05-20T08:00:00.000Z'],
    ]);
    expect(destinations).toEqual([
      ['Land', 'Målregion', 'Ort'],
      ['PL', 'Poznań', 'Poznań'],
      ['PL', '', 'Łódź'],
    ]);
    expect(companies).toEqual([
      ['Organisationsnummer', 'Namn', 'Dagar utomlands', 'Stöd (kr)', 'Företags-id'],
      ['556677-8899', 'Åkesson Trä AB', '5', '12500', 'c1'],
      ['559900-1122', 'Ädelfisk i Väst AB', '4', '10000', 'c2'],
      ['', '', '3', '0', 'c3'],
    ]);
    expect(meetings).toEqual([
      ['Hölls', 'Företag', 'Partner', 'Partnerland', 'Utfall', 'Uppföljning', 'Mötes-id', 'Företags-id'],
      ['2026-05-12T09:30:00.000Z', 'Åkesson Trä AB', 'Drewno Śląsk Sp. z o.o.', 'PL', 'agreement', '', 'm1', 'c1'],
      ['2026-05-13T12:00:00.000Z', 'Ädelfisk i Väst AB', '', 'PL', 'follow-up', '2026-06-01', 'm2', 'c2'],
    ]);
    expect(totals).toEqual([
      ['Uppgift', 'Värde'],
      ['Antal resande företag', '3'],
      ['Stöd (kr)', '22500'],
      ['Möten per utfall: follow-up', '1'],
      ['Möten per utfall: agreement', '1'],
    ]);
  });

  it('as Excel: a sheet for the trip, one for the travelling companies and one for the meetings', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await render('xlsx')) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Resa', 'Resande företag', 'Möten']);
    expect(workbook.created.toISOString()).toBe('2026-05-20T08:00:00.000Z');
    const trip = workbook.getWorksheet('Resa')!;
    expect(trip.getRow(2).values).toEqual([undefined, 'Namn', 'Affärsresa till Poznań och Łódź']);
    const companies = workbook.getWorksheet('Resande företag')!;
    expect(companies.getRow(2).values).toEqual([undefined, '556677-8899', 'Åkesson Trä AB', 5, 12500, 'c1']);
    const meetings = workbook.getWorksheet('Möten')!;
    expect(meetings.rowCount).toBe(3);
    expect(meetings.getRow(2).getCell(5).value).toBe('agreement');
  });

  it('as PDF: readable names for countries, financiers and outcomes, Swedish local times, totals', async () => {
    const bytes = await render('pdf');
    const texts = hasPdftotext() ? [pdfToText(bytes), parsePdfText(bytes)] : [parsePdfText(bytes)];
    for (const raw of texts) {
      const text = raw.replace(/\s+/g, ' ');
      for (const expected of [
        'Reserapport: Affärsresa till Poznan och Lódz',
        '2026-05-11 – 2026-05-15',
        'EU, Region Västerbotten',
        'Polen',
        'Åkesson Trä AB',
        '12 500',
        '22 500',
        'Drewno Slask Sp. z o.o.',
        '2026-05-12 11:30',
        'Avtal',
        'Uppföljning',
        'Möten per utfall: Avtal',
        '2026-05-20 10:00:00 (Europe/Stockholm)',
      ]) {
        expect(text).toContain(expected);
      }
    }
  });

  it('says when a trip had no meetings', async () => {
    const text = parsePdfText(await render('pdf', sampleTrip({ meetings: [], totals: { travellingCompanies: 3, subsidySek: 22500, meetingsByOutcome: {} } })));
    expect(text).toContain('Inga uppgifter.');
  });
});
