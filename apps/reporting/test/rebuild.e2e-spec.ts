import { randomUUID } from 'node:crypto';
import { eventually } from '@globac/testing';
import { buildBurst } from './support/burst';
import { EventPublisher, type ReportingApp, startReportingApp, waitUntilHandled } from './support/reporting-app';
import { buildScenario, type Scenario } from './support/scenario';

describe('POST /api/reports/rebuild (real Postgres and NATS)', () => {
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

  const indicators = async () =>
    (await app.http().get('/api/reports/indicators?from=2026-01-01&to=2026-12-31').set('Authorization', `Bearer ${app.tokens.staff}`).expect(200)).body;

  it('replays every stream into fresh tables and switches to them, taking what arrives meanwhile', async () => {
    const before = await indicators();
    // The read models lose facts (a bad migration, say): the figures are wrong until the rebuild.
    await app.sql('DELETE FROM company_merge');
    await app.sql('UPDATE attendance_record SET current = NOT current');
    // ...and what the projections derived from them (the counted activities and their yearly rollup).
    await app.sql('DELETE FROM counted_activity WHERE kind <> $1', ['trip']);
    await app.sql('DELETE FROM company_year_activity');
    expect((await indicators()).companiesSupported.total).not.toBe(before.companiesSupported.total);

    const burst = buildBurst({ attendances: 300, companies: 30, trips: 2 });
    const started = await app.http().post('/api/reports/rebuild').set('Authorization', `Bearer ${app.tokens.admin}`).expect(202);
    expect(started.body).toEqual({ id: expect.any(String), state: 'running' });
    // Events keep arriving during the rebuild.
    await publisher.publish(burst.events, { concurrency: 20 });
    await waitUntilHandled(app, burst.events);

    const status = await eventually(
      async () => {
        const res = await app.http().get('/api/reports/status').set('Authorization', `Bearer ${app.tokens.staff}`).expect(200);
        expect(res.body.rebuild).toMatchObject({ id: started.body.id, state: 'switched' });
        return res.body;
      },
      { timeoutMs: 60_000, intervalMs: 100 },
    );
    expect(status.rebuild.replayed).toBeGreaterThanOrEqual(status.rebuild.total);

    const after = await indicators();
    const { producedAt: _a, ...figures } = after;
    const { producedAt: _b, ...expected } = before;
    expect(figures.companiesSupported.total).toBe(expected.companiesSupported.total + burst.companies);
    expect(figures.participations.attended).toBe(expected.participations.attended + burst.attended);
    expect(figures.exporters).toEqual(expected.exporters);
    expect(figures.relationships).toEqual(expected.relationships);
    // The jobs did not run again: one trip report per completion fact.
    const [{ n }] = await app.sql<{ n: number }>('SELECT count(*)::int AS n FROM trip_report');
    expect(n).toBe(2 + burst.triggers);
    // Nothing of the rebuild is left behind.
    expect(await app.sql(`SELECT nspname FROM pg_namespace WHERE nspname LIKE 'rebuild_%'`)).toEqual([]);
  });

  it('is for admins only, and one at a time', async () => {
    await app.http().post('/api/reports/rebuild').set('Authorization', `Bearer ${app.tokens.staff}`).expect(403);
    const running = randomUUID();
    await app.sql(`INSERT INTO rebuild (id, state, started_by) VALUES ($1, 'running', 'someone')`, [running]);
    try {
      const res = await app.http().post('/api/reports/rebuild').set('Authorization', `Bearer ${app.tokens.admin}`).expect(409);
      expect(res.body).toMatchObject({ error: 'REBUILD_RUNNING', details: { id: running } });
    } finally {
      await app.sql('DELETE FROM rebuild WHERE id = $1', [running]);
    }
  });
});
