import { randomUUID } from 'node:crypto';
import { PartnerMeetingHeld, RelationshipStageChanged } from '@globac/contracts';
import { envelope, EventPublisher, type ReportingApp, shuffled, startReportingApp, waitUntilHandled } from './support/reporting-app';
import { buildScenario, type Scenario } from './support/scenario';

/** The figures of a report without its rules (compared with figures worked out by hand). */
function figuresOf(body: Record<string, unknown>) {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (value && typeof value === 'object' && 'rule' in value) {
      const { rule, ...figures } = value as Record<string, unknown>;
      expect(typeof rule).toBe('string');
      out[key] = figures;
    }
  }
  return out;
}

describe('GET /api/reports/indicators (real Postgres and NATS)', () => {
  let app: ReportingApp;
  let scenario: Scenario;

  beforeAll(async () => {
    app = await startReportingApp();
    scenario = buildScenario();
    const publisher = await EventPublisher.connect(app.config.NATS_SUBJECT_PREFIX);
    try {
      // Shuffled: an attendance may arrive before its company, a correction before what it corrects.
      await publisher.publish(shuffled(scenario.events, 2026));
    } finally {
      await publisher.close();
    }
    await waitUntilHandled(app, scenario.events);
  });
  afterAll(async () => {
    await app?.close();
  });

  const get = (path: string, token = app.tokens.financier) => app.http().get(path).set('Authorization', `Bearer ${token}`);

  it('answers every figure of 2026 as worked out by hand, each with its rule', async () => {
    const res = await get('/api/reports/indicators?from=2026-01-01&to=2026-12-31').expect(200);
    expect(res.body).toMatchObject({ programme: 'Globac', period: { from: '2026-01-01', to: '2026-12-31' }, filters: {} });
    expect(figuresOf(res.body)).toEqual(scenario.expected2026);
    expect(res.body.companiesSupported.rule).toMatch(/^RCO01: enterprises receiving support — each enterprise counted once/);
    expect(Date.parse(res.body.producedAt)).not.toBeNaN();
  });

  it('counts a period by Swedish days, and an earlier year on its own', async () => {
    // 2025: no activity; B was a ring member all year.
    const res = await get('/api/reports/indicators?from=2025-01-01&to=2025-12-31').expect(200);
    expect(res.body.companiesSupported.total).toBe(0);
    expect(res.body.exportRings.companies).toBe(1);
    // Only 10 February: the seminar where A, S and its duplicate D attended.
    const day = await get('/api/reports/indicators?from=2026-02-10&to=2026-02-10').expect(200);
    expect(day.body.companiesSupported).toMatchObject({ total: 2, byActivityKind: { seminar: 2 }, byMunicipality: { Umeå: 2 } });
    expect(day.body.participations).toMatchObject({ attended: 3, hours: 7 });
  });

  it('answers a single whole year (its rollup rows grouped once) as the distinct-companies path answers the same activities', async () => {
    // Nothing counted in 2025: two whole years, read by the general path (distinct companies over both
    // years' rollup rows, exporters probed per company for 2026), hold exactly the activities of 2026.
    const year = await get('/api/reports/indicators?from=2026-01-01&to=2026-12-31').expect(200);
    const twoYears = await get('/api/reports/indicators?from=2025-01-01&to=2026-12-31').expect(200);
    for (const key of ['companiesSupported', 'participations', 'trips', 'exporters']) expect(year.body[key]).toEqual(twoYears.body[key]);
  });

  it('applies the filters to the activities and restricts the other figures to the companies counted', async () => {
    const trip = await get('/api/reports/indicators?from=2026-01-01&to=2026-12-31&activityKind=trip').expect(200);
    expect(trip.body.filters).toEqual({ activityKind: 'trip' });
    expect(trip.body.companiesSupported).toMatchObject({ total: 1, byActivityKind: { trip: 1 }, byMunicipality: { 'outside-county': 1 } });
    expect(trip.body.participations).toMatchObject({ attended: 0, hours: 0 });
    expect(trip.body.relationships).toMatchObject({ reached: 1 });
    expect(trip.body.exportRings.companies).toBe(0);

    const skelleftea = await get('/api/reports/indicators?from=2026-01-01&to=2026-12-31&municipality=Skellefte%C3%A5').expect(200);
    expect(skelleftea.body.companiesSupported).toMatchObject({ total: 1, byMunicipality: { Skellefteå: 1 } });

    const region = await get('/api/reports/indicators?from=2026-01-01&to=2026-12-31&financier=region-vasterbotten').expect(200);
    expect(region.body.companiesSupported).toMatchObject({ total: 3, byFinancier: { 'region-vasterbotten': 3 }, byActivityKind: { seminar: 3 } });
    expect(region.body.trips.completed).toBe(0);
  });

  it('lists the companies behind companiesSupported, paged, by name', async () => {
    const res = await get('/api/reports/indicators/companies?from=2026-01-01&to=2026-12-31&pageSize=3').expect(200);
    expect(res.body).toMatchObject({ total: 4, page: 1, pageSize: 3 });
    const all = await get('/api/reports/indicators/companies?from=2026-01-01&to=2026-12-31&pageSize=100').expect(200);
    expect(all.body.items).toHaveLength(4);
    expect(res.body.items).toEqual(all.body.items.slice(0, 3));
    const second = await get('/api/reports/indicators/companies?from=2026-01-01&to=2026-12-31&pageSize=3&page=2').expect(200);
    expect(second.body.items).toEqual(all.body.items.slice(3));
    const byId = Object.fromEntries(all.body.items.map((c: { companyId: string }) => [c.companyId, c]));
    expect(Object.keys(byId).sort()).toEqual([scenario.ids.A, scenario.ids.S, scenario.ids.M, scenario.ids.T].sort());
    expect(byId[scenario.ids.M]).toMatchObject({ name: 'Mobil Konsult AB', sizeClass: 'micro', municipality: 'Skellefteå', activityKinds: ['seminar'] });
    expect(byId[scenario.ids.A]).toMatchObject({ municipality: 'Umeå', activityKinds: ['competence-meeting', 'seminar'] });
    expect(byId[scenario.ids.T]).toMatchObject({ municipality: 'outside-county', activityKinds: ['trip'], sizeClass: 'large' });
    expect(byId[scenario.ids.A].orgNumber).toMatch(/^\d{6}-\d{4}$/);
    const beyond = await get('/api/reports/indicators/companies?from=2026-01-01&to=2026-12-31&page=9').expect(200);
    expect(beyond.body).toEqual({ items: [], total: 4, page: 9, pageSize: 20 });
  });

  it('is read by financiers, staff and admins, not by company users', async () => {
    await get('/api/reports/indicators?from=2026-01-01&to=2026-12-31', app.tokens.staff).expect(200);
    await get('/api/reports/indicators?from=2026-01-01&to=2026-12-31', app.tokens.admin).expect(200);
    const company = await app.companyToken(scenario.ids.A);
    const res = await get('/api/reports/indicators?from=2026-01-01&to=2026-12-31', company).expect(403);
    expect(res.body).toMatchObject({ statusCode: 403, error: 'FORBIDDEN' });
    await get('/api/reports/indicators/companies?from=2026-01-01&to=2026-12-31', company).expect(403);
    await app.http().get('/api/reports/indicators?from=2026-01-01&to=2026-12-31').expect(401);
  });

  it('refuses a bad period or filter with 400 naming the field', async () => {
    const cases: [string, string][] = [
      ['from=2026-12-31&to=2026-01-01', 'to'],
      ['from=2026-02-30&to=2026-12-31', 'from'],
      ['to=2026-12-31', 'from'],
      ['from=2026-01-01&to=2026-12-31&municipality=Stockholm', 'municipality'],
      ['from=2026-01-01&to=2026-12-31&activityKind=party', 'activityKind'],
      ['from=2026-01-01&to=2026-12-31&financier=EU%20fund', 'financier'],
      ['from=2026-01-01&to=2026-12-31&format=docx', 'format'],
    ];
    for (const [query, field] of cases) {
      const res = await get(`/api/reports/indicators?${query}`).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'VALIDATION_FAILED' });
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    }
    await get('/api/reports/indicators/companies?from=2026-01-01&to=2026-12-31&pageSize=101').expect(400);
  });
});

describe('the days of relationships and partner meetings, in Swedish time (real Postgres and NATS)', () => {
  let app: ReportingApp;

  // Instants half an hour after midnight in Stockholm, given in UTC: the period's days are selected as a
  // range of instants on the indexed column, which must hold on both sides of a change of the clocks.
  const reached = (changedAt: string) =>
    envelope(RelationshipStageChanged, {
      relationshipId: randomUUID(),
      companyId: randomUUID(),
      partnerId: randomUUID(),
      partnerCountry: 'PL',
      targetRegion: null,
      fromStage: 'negotiation',
      toStage: 'agreement',
      changedAt,
      cause: 'manual',
      causeId: null,
    });
  const events = [
    reached('2025-12-31T23:30:00Z'), // 1 January 2026, 00:30 (UTC+1)
    reached('2026-03-28T23:30:00Z'), // 29 March, 00:30 (UTC+1; summer time from 02:00 that night)
    reached('2026-10-24T22:30:00Z'), // 25 October, 00:30 (UTC+2; winter time from 03:00 that night)
    envelope(PartnerMeetingHeld, {
      meetingId: randomUUID(),
      tripId: randomUUID(),
      companyId: randomUUID(),
      partnerId: null,
      partnerName: 'Partner',
      partnerCountry: 'PL',
      heldAt: '2026-03-29T22:30:00Z', // 30 March, 00:30 (UTC+2)
      outcome: 'follow-up',
      followUpOn: null,
    }),
  ];

  beforeAll(async () => {
    app = await startReportingApp();
    const publisher = await EventPublisher.connect(app.config.NATS_SUBJECT_PREFIX);
    try {
      await publisher.publish(events);
    } finally {
      await publisher.close();
    }
    await waitUntilHandled(app, events);
  });
  afterAll(async () => {
    await app?.close();
  });

  const figures = async (from: string, to: string) => {
    const res = await app.http().get(`/api/reports/indicators?from=${from}&to=${to}`).set('Authorization', `Bearer ${app.tokens.financier}`).expect(200);
    return { reached: res.body.relationships.reached, held: res.body.partnerMeetings.held };
  };

  it('counts each on the Swedish day it happened, not the UTC one', async () => {
    expect(await figures('2025-12-31', '2025-12-31')).toEqual({ reached: 0, held: 0 });
    expect(await figures('2026-01-01', '2026-01-01')).toEqual({ reached: 1, held: 0 });
    expect(await figures('2026-03-28', '2026-03-28')).toEqual({ reached: 0, held: 0 });
    expect(await figures('2026-03-29', '2026-03-29')).toEqual({ reached: 1, held: 0 });
    expect(await figures('2026-03-30', '2026-03-30')).toEqual({ reached: 0, held: 1 });
    expect(await figures('2026-10-24', '2026-10-24')).toEqual({ reached: 0, held: 0 });
    expect(await figures('2026-10-25', '2026-10-25')).toEqual({ reached: 1, held: 0 });
    expect(await figures('2026-01-01', '2026-12-31')).toEqual({ reached: 3, held: 1 });
    expect(await figures('2025-01-01', '2025-12-31')).toEqual({ reached: 0, held: 0 });
  });
});
