import { randomUUID } from 'node:crypto';
import { CompanyRegistered } from '@globac/contracts';
import { databaseUrl } from '@globac/database';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { OutboxService } from '../src';
import { bearer, ledgerOf, metric, newPrefix, startMessagingApp, type TestApp } from './support/messaging-apps';
import { testCompany } from './support/test-companies.controller';
import { deleteTestStreams, eventually, testInfrastructure } from './support/testing';

jest.setTimeout(60_000);

// Issue 13, item 6: deadlocks, serialization failures and lock time-outs were retried without limit, so
// a handler that always collided looped for ever. Here the collisions are real lock time-outs (55P03):
// the test holds an advisory lock that the handler waits 50 ms for.
describe('database contention is retried, and capped; an outage is not (real Postgres and NATS)', () => {
  const prefix = newPrefix();
  let producer: TestApp;
  let consumer: TestApp;
  let locker: Client;

  const produce = (names: string[]) =>
    producer.app.get(DataSource).transaction((manager) =>
      producer.app.get(OutboxService).addMany(
        manager,
        CompanyRegistered,
        names.map((name) => ({ data: testCompany(randomUUID(), name) })),
      ),
    );
  const lock = (key: string) => locker.query('SELECT pg_advisory_lock(hashtext($1))', [key]);
  const unlock = (key: string) => locker.query('SELECT pg_advisory_unlock(hashtext($1))', [key]);
  const contentionDeadLetters = () => metric(consumer, 'messaging_dead_lettered_total', { reason: 'max-contention-failures' });

  beforeAll(async () => {
    producer = await startMessagingApp('producer', { prefix });
    // MESSAGING_MAX_DELIVERIES is 3 in these tests: the contention cap is counted on its own.
    consumer = await startMessagingApp('consumer', { prefix, env: { MESSAGING_MAX_CONTENTION_FAILURES: '5' } });
    locker = new Client({ connectionString: databaseUrl(testInfrastructure.postgresUrl, consumer.config.DATABASE_NAME) });
    await locker.connect();
  });
  afterAll(async () => {
    await locker?.end();
    await producer?.close();
    await consumer?.close();
    await deleteTestStreams(prefix);
  });

  it('dead-letters a message that keeps hitting lock time-outs after MESSAGING_MAX_CONTENTION_FAILURES, with the reason', async () => {
    await lock('held-for-ever');
    try {
      const [{ id }] = await produce(['lock:held-for-ever']);
      await eventually(async () => expect(await contentionDeadLetters()).toBe(1), { timeoutMs: 30_000 });
      const admin = await bearer(consumer, 'admin');
      const { items } = (await consumer.http().get('/api/admin/dead-letters').set('Authorization', admin).expect(200)).body as {
        items: { eventId: string; reason: string; error: string; deliveries: number }[];
      };
      const letter = items.find((item) => item.eventId === id);
      expect(letter).toMatchObject({ reason: 'max-contention-failures', error: expect.stringMatching(/lock timeout/) });
      expect(letter!.deliveries).toBe(5);
      expect(await ledgerOf(consumer, ['lock:held-for-ever'])).toEqual({ rows: 0, events: 0 });
    } finally {
      await unlock('held-for-ever');
    }
  });

  it('handles a message once the contention is gone, before the cap', async () => {
    await lock('held-briefly');
    try {
      await produce(['lock:held-briefly']);
      await eventually(async () => expect(await metric(consumer, 'messaging_redelivered_total', { event_type: 'CompanyRegistered' })).toBeGreaterThanOrEqual(6));
    } finally {
      await unlock('held-briefly');
    }
    await eventually(async () => expect(await ledgerOf(consumer, ['lock:held-briefly'])).toEqual({ rows: 1, events: 1 }));
    expect(await contentionDeadLetters()).toBe(1);
  });

  it('still never counts an unreachable database: more failures than both caps, handled in the end', async () => {
    await produce(['transient-times:7']);
    await eventually(async () => expect(await ledgerOf(consumer, ['transient-times:7'])).toEqual({ rows: 1, events: 1 }), { timeoutMs: 30_000 });
    expect(await metric(consumer, 'messaging_dead_lettered_total')).toBe(1);
  });
});
