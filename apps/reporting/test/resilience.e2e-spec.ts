// The figures hold with two replicas on one database, and after a SIGKILL in the middle of a burst.
import { signDevToken } from '@globac/auth';
import { ServiceConfig } from '@globac/config';
import { deleteTestStreams, dropTestDatabase, eventually, freePort, queryDatabase, spawnService, testInfrastructure, uniqueName } from '@globac/testing';
import { buildBurst } from './support/burst';
import { EventPublisher, FAST_MESSAGING, type ReportingApp, startReportingApp, waitUntilHandled } from './support/reporting-app';
import { buildScenario } from './support/scenario';

type Expected = ReturnType<typeof buildScenario>['expected2026'] & {
  companiesSupported: { total: number };
  participations: { attended: number };
  trips: { completed: number; travellingCompanies: number; subsidySek: number };
};

describe('replicas and crashes (real Postgres and NATS)', () => {
  it('runs each trip-report job once per trigger with two replicas consuming the same streams', async () => {
    const first = await startReportingApp();
    let second: ReportingApp | undefined;
    const publisher = await EventPublisher.connect(first.config.NATS_SUBJECT_PREFIX);
    try {
      second = await startReportingApp({ reuse: { databaseName: first.config.DATABASE_NAME, subjectPrefix: first.config.NATS_SUBJECT_PREFIX } });
      const scenario = buildScenario();
      const burst = buildBurst({ attendances: 2000, companies: 200, trips: 20 });
      await publisher.publish(scenario.events);
      await publisher.publish(burst.events, { concurrency: 50 });
      await waitUntilHandled(first, [...scenario.events, ...burst.events]);

      const reports = await first.sql<{ trip_id: string; revisions: number[] }>(
        'SELECT trip_id, array_agg(revision ORDER BY revision) AS revisions FROM trip_report GROUP BY trip_id',
      );
      expect(reports).toHaveLength(21);
      for (const report of reports) expect(report.revisions).toEqual([1, 2]);

      const res = await first.http().get('/api/reports/indicators?from=2026-01-01&to=2026-12-31').set('Authorization', `Bearer ${first.tokens.staff}`).expect(200);
      const expected = scenario.expected2026 as Expected;
      expect(res.body.companiesSupported.total).toBe(expected.companiesSupported.total + burst.companies);
      expect(res.body.participations.attended).toBe(expected.participations.attended + burst.attended);
      expect(res.body.trips).toMatchObject({ completed: 21, travellingCompanies: 21, subsidySek: 16_000 + 20 * 2000 });
    } finally {
      await publisher.close();
      await second?.stop();
      await first.close();
    }
    // Two apps and 2,000 events: more than jest's 60 s on a loaded shared machine.
  }, 180_000);

  it('gives the same figures after a SIGKILL in the middle of a burst of 10,000 events and a restart', async () => {
    const database = uniqueName('globac_test_reporting');
    const subjectPrefix = uniqueName('t').replace(/_/g, '-');
    const port = String(await freePort());
    const env = {
      ...FAST_MESSAGING,
      PORT: port,
      HOST: '127.0.0.1',
      DATABASE_NAME: database,
      POSTGRES_URL: testInfrastructure.postgresUrl,
      NATS_URL: testInfrastructure.natsUrl,
      NATS_SUBJECT_PREFIX: subjectPrefix,
      NATS_STREAM_STORAGE: 'memory',
      LOG_LEVEL: 'warn',
    };
    const proc = spawnService('reporting', env);
    let restarted: ReportingApp | undefined;
    const publisher = await EventPublisher.connect(subjectPrefix);
    try {
      await eventually(async () => expect((await fetch(`http://127.0.0.1:${port}/health/ready`)).status).toBe(200), { timeoutMs: 90_000, intervalMs: 100 });
      const scenario = buildScenario();
      const burst = buildBurst({ attendances: 10_000 - scenario.events.length - 40, companies: 500, trips: 20 });
      await publisher.publish(scenario.events);
      const publishing = publisher.publish(burst.events, { concurrency: 50 });
      // Killed once it is well into the burst: batches committed, others in flight.
      await eventually(
        async () => {
          const [{ n }] = await queryDatabase<{ n: number }>(database, 'SELECT count(*)::int AS n FROM inbox');
          expect(n).toBeGreaterThan(2000);
        },
        { timeoutMs: 60_000, intervalMs: 20 },
      );
      proc.child.kill('SIGKILL');
      expect(await proc.exited).toBe('SIGKILL');
      await publishing;

      restarted = await startReportingApp({ reuse: { databaseName: database, subjectPrefix }, env: { MESSAGING_ACK_WAIT_MS: '2000' } });
      await waitUntilHandled(restarted, [...scenario.events, ...burst.events], 120_000);
      const token = await signDevToken({ role: 'staff' }, new ServiceConfig().AUTH_DEV_SECRET);
      const res = await restarted.http().get('/api/reports/indicators?from=2026-01-01&to=2026-12-31').set('Authorization', `Bearer ${token}`).expect(200);
      const expected = scenario.expected2026 as Expected;
      expect(res.body.companiesSupported.total).toBe(expected.companiesSupported.total + burst.companies);
      expect(res.body.participations.attended).toBe(expected.participations.attended + burst.attended);
      expect(res.body.trips).toMatchObject({ completed: 21, travellingCompanies: 21 });
      expect(res.body.exporters).toEqual(expect.objectContaining(expected.exporters));
      const [{ n }] = await restarted.sql<{ n: number }>('SELECT count(*)::int AS n FROM trip_report');
      expect(n).toBe(burst.triggers + 2);
    } finally {
      proc.child.kill('SIGKILL');
      await publisher.close();
      if (restarted) await restarted.close();
      else await Promise.all([dropTestDatabase(database), deleteTestStreams(subjectPrefix)]);
    }
    // A process booting, 10,000 events, a second boot: more than jest's 60 s on a loaded shared machine.
  }, 360_000);
});
