import { randomUUID } from 'node:crypto';
import { eventually } from '@globac/testing';
import { EventPublisher, type ReportingApp, startReportingApp, waitUntilHandled } from './support/reporting-app';
import { buildScenario, type Scenario } from './support/scenario';

describe('GET /api/reports/companies/:id/activities and GET /api/reports/status (real Postgres and NATS)', () => {
  let app: ReportingApp;
  let scenario: Scenario;

  beforeAll(async () => {
    app = await startReportingApp();
    scenario = buildScenario();
    const publisher = await EventPublisher.connect(app.config.NATS_SUBJECT_PREFIX);
    try {
      await publisher.publish(scenario.events);
    } finally {
      await publisher.close();
    }
    await waitUntilHandled(app, scenario.events);
  });
  afterAll(async () => {
    await app?.close();
  });

  const get = (path: string, token: string) => app.http().get(path).set('Authorization', `Bearer ${token}`);

  it('shows a company its own history, newest first, with what counts and what does not', async () => {
    const token = await app.companyToken(scenario.ids.A);
    const res = await get(`/api/reports/companies/${scenario.ids.A}/activities`, token).expect(200);
    expect(res.body).toMatchObject({ total: 3, page: 1, pageSize: 20 });
    expect(res.body.items.map((a: { day: string; kind: string; counted: boolean }) => [a.day, a.kind, a.counted])).toEqual([
      ['2026-04-01', 'seminar', true],
      ['2026-03-05', 'competence-meeting', true],
      ['2026-02-10', 'seminar', true],
    ]);
    expect(res.body.items[2]).toMatchObject({ source: 'event', title: 'seminar 2026-02-10', attended: true, hours: 2, cancelled: false, financiers: ['eu', 'region-vasterbotten'] });

    const c = await get(`/api/reports/companies/${scenario.ids.C}/activities`, app.tokens.staff).expect(200);
    expect(c.body.items).toEqual([expect.objectContaining({ attended: false, counted: false, hours: 0 })]);
    const x = await get(`/api/reports/companies/${scenario.ids.X}/activities`, app.tokens.financier).expect(200);
    expect(x.body.items).toEqual([expect.objectContaining({ attended: true, cancelled: true, counted: false })]);
  });

  it('shows a survivor the history of the duplicate merged into it, and trips', async () => {
    const res = await get(`/api/reports/companies/${scenario.ids.S}/activities`, app.tokens.staff).expect(200);
    expect(res.body.items.map((a: { recordedFor: string }) => a.recordedFor).sort()).toEqual([scenario.ids.S, scenario.ids.D].sort());
    const t = await get(`/api/reports/companies/${scenario.ids.T}/activities?from=2026-06-01&to=2026-06-30`, app.tokens.staff).expect(200);
    expect(t.body.items).toEqual([
      expect.objectContaining({ source: 'trip', kind: 'trip', activityId: scenario.ids.trip, title: 'Delegation to Poznań', day: '2026-06-10', counted: true }),
    ]);
    // The trip's correction removed R.
    const r = await get(`/api/reports/companies/${scenario.ids.R}/activities`, app.tokens.staff).expect(200);
    expect(r.body).toMatchObject({ items: [], total: 0 });
  });

  it('refuses another company\'s history to a company user, and an unknown company with 404', async () => {
    const token = await app.companyToken(scenario.ids.A);
    const res = await get(`/api/reports/companies/${scenario.ids.S}/activities`, token).expect(403);
    expect(res.body).toMatchObject({ statusCode: 403, error: 'FORBIDDEN' });
    const unknown = await get(`/api/reports/companies/${randomUUID()}/activities`, app.tokens.staff).expect(404);
    expect(unknown.body).toMatchObject({ error: 'COMPANY_NOT_FOUND' });
    const bad = await get('/api/reports/companies/not-a-uuid/activities', app.tokens.staff).expect(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'id' })]);
    await get(`/api/reports/companies/${scenario.ids.A}/activities?from=2026-05-01&to=2026-01-01`, app.tokens.staff).expect(400);
  });

  it('says per stream which event was applied last, and that nothing is waiting', async () => {
    const lastOf = (producer: string) => [...scenario.events].reverse().find((e) => e.source === producer)!;
    await app.http().get('/api/reports/status').set('Authorization', `Bearer ${(await app.companyToken(scenario.ids.A))}`).expect(403);
    // Acks follow the commit: wait until the server has them all.
    const res = await eventually(async () => {
      const status = await get('/api/reports/status', app.tokens.financier).expect(200);
      expect(status.body.streams.map((s: { pendingMessages: number }) => s.pendingMessages)).toEqual([0, 0, 0]);
      return status;
    });
    const prefix = app.config.NATS_SUBJECT_PREFIX.toUpperCase().replace(/[^A-Z0-9_]/g, '_');
    expect(res.body.streams.map((s: { stream: string; natsStream: string }) => [s.stream, s.natsStream])).toEqual([
      ['companies', `${prefix}_COMPANIES`],
      ['events', `${prefix}_EVENTS`],
      ['trips', `${prefix}_TRIPS`],
    ]);
    for (const stream of res.body.streams) {
      // Published in order and handled in order by one consumer: the last applied is the last published.
      expect(stream.lastEvent).toMatchObject({ id: lastOf(stream.stream).id, type: lastOf(stream.stream).type, occurredOn: lastOf(stream.stream).occurredOn });
      expect(typeof stream.lastDelaySeconds).toBe('number');
    }
    expect(res.body.rebuild).toBeNull();
  });
});
