import { randomUUID } from 'node:crypto';
import { CompanyRegistered } from '@globac/contracts';
import { jetstreamManager } from '@nats-io/jetstream';
import { DataSource } from 'typeorm';
import { OutboxService, producerStreamName } from '../src';
import { bearer, ledgerCounts, natsClient, newPrefix, outboxBacklog, startMessagingApp, type TestApp } from './support/messaging-apps';
import { testCompany } from './support/test-companies.controller';
import { eventually, type PrivateNatsServer, startPrivateNatsServer } from './support/testing';

const TOTAL = 10_000;
const CHUNK = 500;
// Generous: a busy 2-core machine, and acks lost in the outage come back only after the ack wait.
const PATIENCE = { timeoutMs: 120_000, intervalMs: 100 };

jest.setTimeout(180_000);

describe('NATS restarted in the middle of 10,000 events (a private nats-server, real Postgres)', () => {
  const prefix = newPrefix();
  let nats: PrivateNatsServer;
  let producer: TestApp;
  let consumer: TestApp;

  beforeAll(async () => {
    nats = await startPrivateNatsServer();
    const env = { prefix, natsUrl: nats.url, env: { NATS_STREAM_STORAGE: 'file', MESSAGING_ACK_WAIT_MS: '3000' } };
    producer = await startMessagingApp('producer', env);
    consumer = await startMessagingApp('consumer', env);
  });
  afterAll(async () => {
    await producer?.close();
    await consumer?.close();
    await nats?.dispose();
  });

  it('has every event\'s effect exactly once afterwards', async () => {
    const outbox = producer.app.get(OutboxService);
    const dataSource = producer.app.get(DataSource);
    for (let written = 0; written < TOTAL; written += CHUNK) {
      await dataSource.transaction((manager) =>
        outbox.addMany(
          manager,
          CompanyRegistered,
          Array.from({ length: CHUNK }, (_, i) => ({ data: testCompany(randomUUID(), `Bulk ${written + i}`) })),
        ),
      );
    }

    // In the middle: some handled, most not yet.
    await eventually(async () => expect((await ledgerCounts(consumer)).events).toBeGreaterThanOrEqual(1500), PATIENCE);
    await nats.stop();
    const duringOutage = (await ledgerCounts(consumer)).events;
    expect(duringOutage).toBeLessThan(TOTAL);
    const health = await consumer.http().get('/health/ready').expect(200);
    expect(health.body.details.nats.status).toBe('down');
    // Writes go on meanwhile: one more event, through HTTP.
    await producer.http().post('/api/test/companies').set('Authorization', await bearer(producer, 'staff')).send({ name: 'During Outage AB' }).expect(201);
    await nats.start();

    await eventually(async () => expect(await ledgerCounts(consumer)).toEqual({ rows: TOTAL + 1, events: TOTAL + 1 }), PATIENCE);
    expect(await outboxBacklog(producer)).toBe(0);
    const nc = await natsClient(nats.url);
    try {
      const jsm = await jetstreamManager(nc);
      await eventually(async () => {
        const info = await jsm.consumers.info(producerStreamName(prefix, 'companies'), 'ledger');
        expect({ pending: info.num_pending, ackPending: info.num_ack_pending }).toEqual({ pending: 0, ackPending: 0 });
      }, PATIENCE);
    } finally {
      await nc.close();
    }
    // Still exactly once after everything settled.
    expect(await ledgerCounts(consumer)).toEqual({ rows: TOTAL + 1, events: TOTAL + 1 });
  });
});
