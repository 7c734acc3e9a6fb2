import { eventually } from '@globac/testing';
import { EventPublisher, type ReportingApp, shuffled, startReportingApp, waitUntilHandled } from './support/reporting-app';
import { buildScenario, type Scenario } from './support/scenario';

/** Every read-model table, as rows a comparison can use (ordered; times of applying left out). */
async function readModels(app: ReportingApp) {
  const tables: Record<string, string> = {
    company: 'SELECT id, org_number, name, size_class, county, registered_at, revision, field_revisions FROM company ORDER BY id',
    company_municipality: 'SELECT * FROM company_municipality ORDER BY company_id, revision',
    company_merge: 'SELECT * FROM company_merge ORDER BY merged_id',
    export_figures: 'SELECT * FROM export_figures ORDER BY company_id, year',
    relationship_change: 'SELECT * FROM relationship_change ORDER BY fact_id',
    programme_event: 'SELECT * FROM programme_event ORDER BY id',
    cancelled_event: 'SELECT * FROM cancelled_event ORDER BY event_id',
    attendance_record: 'SELECT * FROM attendance_record ORDER BY fact_id',
    ring_membership: 'SELECT * FROM ring_membership ORDER BY membership_id',
    trip: 'SELECT * FROM trip ORDER BY id',
    trip_completion: 'SELECT * FROM trip_completion ORDER BY fact_id',
    trip_traveller: 'SELECT * FROM trip_traveller ORDER BY fact_id, company_id',
    partner_meeting: 'SELECT * FROM partner_meeting ORDER BY meeting_id',
    counted_activity: 'SELECT * FROM counted_activity ORDER BY source_id, company_id',
    company_year_activity: 'SELECT * FROM company_year_activity ORDER BY survivor_id, year',
  };
  const out: Record<string, unknown[]> = {};
  for (const [name, sql] of Object.entries(tables)) out[name] = await app.sql(sql);
  return out;
}

describe('read models from integration events (real Postgres and NATS)', () => {
  let inOrder: ReportingApp;
  let mixedUp: ReportingApp;
  let scenario: Scenario;

  beforeAll(async () => {
    [inOrder, mixedUp] = await Promise.all([startReportingApp(), startReportingApp()]);
    scenario = buildScenario();
  });
  afterAll(async () => {
    await Promise.all([inOrder?.close(), mixedUp?.close()]);
  });

  it('builds the same tables whatever order the events arrive in, and however often', async () => {
    const a = await EventPublisher.connect(inOrder.config.NATS_SUBJECT_PREFIX);
    const b = await EventPublisher.connect(mixedUp.config.NATS_SUBJECT_PREFIX);
    try {
      await a.publish(scenario.events);
      // The other app gets them shuffled, and every event a second time (a new message, the same event id).
      await b.publish(shuffled(scenario.events, 42));
      await b.publish(shuffled(scenario.events, 7), { redeliver: true });
      await Promise.all([waitUntilHandled(inOrder, scenario.events), waitUntilHandled(mixedUp, scenario.events)]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
    const expected = await readModels(inOrder);
    // A redelivered copy may still be on its way after its first copy was handled: compare until the same.
    await eventually(async () => expect(await readModels(mixedUp)).toEqual(expected), { timeoutMs: 30_000, intervalMs: 200 });
    const [{ n }] = await mixedUp.sql<{ n: number }>('SELECT count(*)::int AS n FROM inbox');
    expect(n).toBe(scenario.events.length);
  });

  it('keeps one current attendance per registration: the correction, not what it corrects', async () => {
    const { C } = scenario.ids;
    const rows = await inOrder.sql('SELECT attended, current, corrects_fact_id IS NOT NULL AS is_correction FROM attendance_record WHERE company_id = $1 ORDER BY occurred_on', [C]);
    expect(rows).toEqual([
      { attended: true, current: false, is_correction: false },
      { attended: false, current: true, is_correction: true },
    ]);
  });

  it('counts each activity for its survivor, in the municipality of its day, and rolls them up per company and year', async () => {
    const { C, D, S, M } = scenario.ids;
    // C's attendance was corrected to absent: nothing of it counts.
    expect(await inOrder.sql('SELECT 1 FROM counted_activity WHERE company_id = $1', [C])).toEqual([]);
    // The duplicate D's attendance counts for its survivor S, and in S's municipality.
    const [duplicate] = await inOrder.sql<{ survivor_id: string; municipality: string }>(
      'SELECT survivor_id, municipality FROM counted_activity WHERE company_id = $1',
      [D],
    );
    expect(duplicate).toEqual({ survivor_id: S, municipality: 'Umeå' });
    expect(await inOrder.sql('SELECT 1 FROM company_year_activity WHERE survivor_id = $1', [D])).toEqual([]);
    // M moved on 1 May 2026 after an activity in Skellefteå.
    expect(await inOrder.sql('SELECT DISTINCT municipality FROM counted_activity WHERE survivor_id = $1', [M])).toEqual([{ municipality: 'Skellefteå' }]);
    const [rollup] = await inOrder.sql<{ municipalities: string[] }>('SELECT municipalities FROM company_year_activity WHERE survivor_id = $1 AND year = 2026', [M]);
    expect(rollup.municipalities).toEqual(['Skellefteå']);
  });

  it('maps a merged company to its survivor, and keeps the municipality history of a move', async () => {
    const { D, S, M } = scenario.ids;
    expect(await inOrder.sql('SELECT surviving_id, survivor_id FROM company_merge WHERE merged_id = $1', [D])).toEqual([{ surviving_id: S, survivor_id: S }]);
    const spans = await inOrder.sql<{ municipality: string; span_from: Date | number; span_to: Date }>(
      'SELECT municipality, span_from, span_to FROM company_municipality WHERE company_id = $1 ORDER BY revision',
      [M],
    );
    expect(spans.map((s) => s.municipality)).toEqual(['Skellefteå', 'Umeå']);
    expect(spans[0].span_from).toBe(-Infinity); // the first span reaches back without limit
    expect(spans[0].span_to.toISOString()).toBe('2026-04-30T22:00:00.000Z');
    expect((spans[1].span_from as Date).toISOString()).toBe('2026-04-30T22:00:00.000Z');
  });

  it('replaces a trip\'s completion as a whole by its correction, and keeps the highest revision of export figures', async () => {
    const { trip, T, R, A } = scenario.ids;
    const travellers = await inOrder.sql(
      'SELECT t.company_id, t.subsidy_sek FROM trip_traveller t JOIN trip_completion c ON c.fact_id = t.fact_id WHERE c.trip_id = $1 AND c.current',
      [trip],
    );
    expect(travellers).toEqual([{ company_id: T, subsidy_sek: '16000' }]);
    expect(travellers).not.toContainEqual(expect.objectContaining({ company_id: R }));
    expect(await inOrder.sql('SELECT year, revision, export_turnover_sek FROM export_figures WHERE company_id = $1 ORDER BY year', [A])).toEqual([
      { year: 2025, revision: 1, export_turnover_sek: '0' },
      { year: 2026, revision: 2, export_turnover_sek: '500000' },
    ]);
  });

  it('produces one trip report per completion fact, even when the facts arrive twice', async () => {
    const { trip } = scenario.ids;
    for (const app of [inOrder, mixedUp]) {
      const reports = await app.sql<{ revision: number; report: { travellingCompanies: unknown[]; title: string } }>(
        'SELECT revision, report FROM trip_report WHERE trip_id = $1 ORDER BY revision',
        [trip],
      );
      expect(reports.map((r) => r.revision)).toEqual([1, 2]);
    }
    const [latest] = await inOrder.sql<{ report: { travellingCompanies: { companyId: string }[]; title: string } }>(
      'SELECT report FROM trip_report WHERE trip_id = $1 ORDER BY revision DESC LIMIT 1',
      [trip],
    );
    expect(latest.report.title).toBe('Delegation to Poznań');
    expect(latest.report.travellingCompanies.map((t) => t.companyId)).toEqual([scenario.ids.T]);
  });
});
