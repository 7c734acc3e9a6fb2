import { randomUUID } from 'node:crypto';
import { databaseUrl } from '@globac/database';
import { eventually, startTestService, type TestService } from '@globac/testing';
import { Client } from 'pg';
import { AppModule } from '../src/app.module';
import { CompaniesConfig } from '../src/companies.config';

// A burst that finds every pooled connection busy for the whole DATABASE_POOL_ACQUIRE_TIMEOUT_MS:
// the service answers 503 SERVICE_UNAVAILABLE with Retry-After (it used to be a 500) and counts it.
// The pool has one connection; a real request holds it, blocked on a table lock this test takes, so
// the next request can only wait, however slow the machine is (no timing is asserted).
describe('companies: a busy database pool answers 503 with Retry-After (real Postgres)', () => {
  let service: TestService<CompaniesConfig>;
  let staff: string;
  let locker: Client;

  beforeAll(async () => {
    service = await startTestService({
      service: 'companies',
      configClass: CompaniesConfig,
      createModule: (config) => AppModule.forRoot(config),
      // 3 s: long enough to open a connection on a loaded machine, short enough for a test.
      env: { DATABASE_POOL_SIZE: '1', DATABASE_POOL_ACQUIRE_TIMEOUT_MS: '3000' },
    });
    staff = await service.token({ role: 'staff', subject: 'staff-1' });
    locker = new Client({ connectionString: databaseUrl(service.config.POSTGRES_URL, service.config.DATABASE_NAME) });
    await locker.connect();
  });
  afterAll(async () => {
    await locker?.end();
    await service?.close();
  });

  const get = (url: string) => service.http().get(url).set('Authorization', `Bearer ${staff}`);

  const timeouts = async () => {
    const metrics = (await service.http().get('/metrics').expect(200)).text;
    return Number(/^db_pool_wait_timeouts_total\{reason="pool"\} (\d+)$/m.exec(metrics)?.[1] ?? NaN);
  };

  it('starts, migrates and serves with a pool of one connection', async () => {
    await get('/api/companies').expect(200);
  });

  it('answers the request that found the pool busy with 503, a Retry-After and the common shape; the holder gets its answer', async () => {
    const company = await service
      .http()
      .post('/api/companies')
      .set('Authorization', `Bearer ${staff}`)
      .send({ orgNumber: '556036-0793', name: 'Norrskog Trä AB', municipality: 'Skellefteå' })
      .expect(201);
    const before = await timeouts();
    expect(before).toBeGreaterThanOrEqual(0);
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE companies IN ACCESS EXCLUSIVE MODE');
    let holding: Promise<{ status: number }> | undefined;
    try {
      // The first request takes the only connection and waits on the lock with it (a route that asks
      // for one connection at a time: the list's two parallel queries would need a second one).
      holding = get(`/api/companies/${company.body.id}`).then((res) => res);
      await eventually(async () => {
        const waiting = await locker.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
          [service.config.DATABASE_NAME],
        );
        expect(waiting.rows[0].n).toBe(1);
      });

      const busy = await get(`/api/companies/${randomUUID()}`).expect(503);
      expect(busy.headers['retry-after']).toBe('2');
      expect(busy.body).toEqual({
        statusCode: 503,
        error: 'SERVICE_UNAVAILABLE',
        message: 'The service is too busy to answer now; try again after the seconds the Retry-After header gives',
      });
    } finally {
      await locker.query('COMMIT');
    }
    expect((await holding).status).toBe(200);
    // Counted (background work may have met the busy pool too, so at least the one request).
    expect(await timeouts()).toBeGreaterThanOrEqual(before + 1);
  });

  it('serves again once a connection is free', async () => {
    await get(`/api/companies/${randomUUID()}`).expect(404);
    await get('/api/companies').expect(200);
  });
});
