import { randomUUID } from 'node:crypto';
import { CompanyRegistered, ParticipantAttended } from '@globac/contracts';
import type { Response } from 'supertest';
import { CONTENT_DISPOSITION_PATTERN } from '../src/report-download';
import { envelope, EventPublisher, type ReportingApp, startReportingApp, waitUntilHandled } from './support/reporting-app';
import { buildScenario, orgNumber, type Scenario } from './support/scenario';

/**
 * How each downloaded body starts, as the document describes it: the answer validator checks only
 * that the content type is listed (it reads JSON bodies alone), so the downloads are held to the rest here.
 */
const FILE_START: Record<string, string> = {
  'text/csv': '\uFEFF',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'PK',
  'application/pdf': '%PDF-',
};

/** supertest's parser collecting a binary body. */
function binary(res: Response, callback: (error: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

describe('frozen periods, trip reports and downloads (real Postgres and NATS)', () => {
  let app: ReportingApp;
  let scenario: Scenario;
  let publisher: EventPublisher;

  beforeAll(async () => {
    app = await startReportingApp();
    scenario = buildScenario();
    publisher = await EventPublisher.connect(app.config.NATS_SUBJECT_PREFIX);
    await publisher.publish(scenario.events);
    await waitUntilHandled(app, scenario.events);
  });
  afterAll(async () => {
    await publisher?.close();
    await app?.close();
  });

  const get = (path: string, token = app.tokens.financier) => app.http().get(path).set('Authorization', `Bearer ${token}`);
  const download = async (path: string) => {
    const res = await get(path).buffer(true).parse(binary).expect(200);
    const body = res.body as Buffer;
    const start = FILE_START[String(res.headers['content-type']).split(';')[0]];
    expect(start).toBeDefined();
    expect(body.subarray(0, Buffer.byteLength(start)).toString('utf8')).toBe(start);
    expect(res.headers['content-disposition']).toMatch(new RegExp(CONTENT_DISPOSITION_PATTERN));
    return { body: res.body as Buffer, type: res.headers['content-type'], disposition: res.headers['content-disposition'] };
  };

  it('freezes a period: the same answer and the same bytes after later events inside it', async () => {
    const frozen = await app.http().post('/api/reports/periods').set('Authorization', `Bearer ${app.tokens.staff}`).send({ from: '2026-01-01', to: '2026-12-31' }).expect(201);
    expect(frozen.body).toMatchObject({ from: '2026-01-01', to: '2026-12-31', financier: null, companies: 4, frozenBy: expect.any(String) });
    expect(frozen.body.report.companiesSupported.total).toBe(4);
    const id = frozen.body.id as string;
    const before = {
      json: (await get(`/api/reports/periods/${id}`).expect(200)).body,
      csv: await download(`/api/reports/periods/${id}?format=csv`),
      xlsx: await download(`/api/reports/periods/${id}?format=xlsx`),
      pdf: await download(`/api/reports/periods/${id}?format=pdf`),
    };
    expect(before.json).toEqual(frozen.body);
    expect(before.csv.type).toMatch(/^text\/csv/);
    expect(before.csv.disposition).toBe(`attachment; filename="globac-period-2026-01-01_2026-12-31-${id}.csv"`);
    expect(before.csv.body.toString('utf8')).toContain('Storskog AB');
    expect(before.xlsx.body.subarray(0, 2).toString()).toBe('PK');
    expect(before.pdf.body.subarray(0, 5).toString()).toBe('%PDF-');

    // A new company attends a seminar in March: the live figures change, the frozen period does not.
    const newcomer = randomUUID();
    const later = [
      envelope(CompanyRegistered, {
        companyId: newcomer,
        orgNumber: orgNumber(99),
        name: 'Nykomling AB',
        municipality: 'Vindeln',
        sizeClass: 'micro',
        sniCode: null,
        registeredAt: '2026-02-01T09:00:00Z',
        revision: 1,
      }),
      envelope(ParticipantAttended, {
        registrationId: randomUUID(),
        eventId: randomUUID(),
        eventKind: 'seminar',
        topic: 'legal',
        eventDate: '2026-03-15',
        companyId: newcomer,
        contactId: null,
        hours: 2,
        participantGender: 'woman',
        financierIds: ['eu'],
        attended: true,
      }),
    ];
    await publisher.publish(later);
    await waitUntilHandled(app, later);
    expect((await get('/api/reports/indicators?from=2026-01-01&to=2026-12-31').expect(200)).body.companiesSupported.total).toBe(5);

    expect((await get(`/api/reports/periods/${id}`).expect(200)).body).toEqual(before.json);
    for (const format of ['csv', 'xlsx', 'pdf'] as const) {
      const again = await download(`/api/reports/periods/${id}?format=${format}`);
      expect(again.body.equals(before[format].body)).toBe(true);
    }
    const list = await get('/api/reports/periods').expect(200);
    expect(list.body.items).toContainEqual(expect.objectContaining({ id, companies: 4 }));
  });

  it('lets staff and admins freeze, financiers read, and refuses bad periods', async () => {
    await app.http().post('/api/reports/periods').set('Authorization', `Bearer ${app.tokens.financier}`).send({ from: '2026-01-01', to: '2026-12-31' }).expect(403);
    const bad = await app.http().post('/api/reports/periods').set('Authorization', `Bearer ${app.tokens.staff}`).send({ from: '2026-12-31', to: '2026-01-01' }).expect(400);
    expect(bad.body).toMatchObject({ error: 'VALIDATION_FAILED', details: [expect.objectContaining({ field: 'to' })] });
    await app.http().post('/api/reports/periods').set('Authorization', `Bearer ${app.tokens.staff}`).send({ from: '2026-01-01', to: '2026-12-31', extra: 1 }).expect(400);
    const missing = await get(`/api/reports/periods/${randomUUID()}`).expect(404);
    expect(missing.body.error).toBe('PERIOD_NOT_FOUND');
    const eu = await app.http().post('/api/reports/periods').set('Authorization', `Bearer ${app.tokens.admin}`).send({ from: '2026-01-01', to: '2026-06-30', financier: 'eu' }).expect(201);
    expect(eu.body).toMatchObject({ financier: 'eu', report: { filters: { financier: 'eu' } } });
  });

  it('downloads the indicators and the companies list as CSV, Excel and PDF, named for the period', async () => {
    const csv = await download('/api/reports/indicators?from=2026-01-01&to=2026-06-30&format=csv');
    expect(csv.disposition).toBe('attachment; filename="globac-indicators-2026-01-01_2026-06-30.csv"');
    const text = csv.body.toString('utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    expect(text).toContain('RCO01');
    expect(text).toContain('Mobil Konsult AB');
    const companies = await download('/api/reports/indicators/companies?from=2026-01-01&to=2026-06-30&format=csv');
    expect(companies.disposition).toBe('attachment; filename="globac-companies-2026-01-01_2026-06-30.csv"');
    expect(companies.body.toString('utf8')).toContain('Trafik Stockholm AB');
    const xlsx = await download('/api/reports/indicators?from=2026-01-01&to=2026-06-30&format=xlsx');
    expect(xlsx.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const pdf = await download('/api/reports/indicators/companies?from=2026-01-01&to=2026-06-30&format=pdf');
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('serves the trip report produced by the completion and its correction, as JSON and PDF', async () => {
    const { trip, T } = scenario.ids;
    const latest = await get(`/api/reports/trips/${trip}`).expect(200);
    expect(latest.body).toMatchObject({
      tripId: trip,
      title: 'Delegation to Poznań',
      startsOn: '2026-06-10',
      endsOn: '2026-06-14',
      revision: 2,
      destinations: [{ country: 'PL', targetRegion: 'poznan', city: null }],
      financiers: ['eu'],
      travellingCompanies: [{ companyId: T, name: 'Trafik Stockholm AB', daysAbroad: 5, subsidySek: 16_000 }],
      meetings: [expect.objectContaining({ companyId: T, partnerCountry: 'PL', outcome: 'agreement', followUpOn: '2026-09-01' })],
      totals: { travellingCompanies: 1, subsidySek: 16_000, meetingsByOutcome: { agreement: 1 } },
    });
    const first = await get(`/api/reports/trips/${trip}?revision=1`).expect(200);
    expect(first.body.travellingCompanies).toHaveLength(2);
    const pdf = await download(`/api/reports/trips/${trip}?format=pdf`);
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.disposition).toMatch(/^attachment; filename="globac-trip-.*\.pdf"$/);
    const none = await get(`/api/reports/trips/${randomUUID()}`).expect(404);
    expect(none.body.error).toBe('TRIP_REPORT_NOT_FOUND');
    const noSuchRevision = await get(`/api/reports/trips/${trip}?revision=9`).expect(404);
    expect(noSuchRevision.body).toMatchObject({ error: 'TRIP_REPORT_NOT_FOUND', details: { tripId: trip, revision: 9 } });
    await get(`/api/reports/trips/${trip}`, await app.companyToken(T)).expect(403);
  });
});
