import { randomUUID } from 'node:crypto';
import { CompanyRegistered, ContactErased, createEnvelope, ExportFiguresReported } from '@globac/contracts';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import { OutboxService, OutboxTransactionRequiredError, producerStreamName } from '../src';
import { LedgerHandler } from './support/ledger.handler';
import {
  bearer,
  ledgerCounts,
  ledgerOf,
  metric,
  natsClient,
  newPrefix,
  outboxBacklog,
  startMessagingApp,
  type TestApp,
} from './support/messaging-apps';
import { testCompany } from './support/test-companies.controller';
import { deleteTestStreams, eventually, queryDatabase } from './support/testing';

jest.setTimeout(60_000);

describe('integration events from outbox to inbox (real Postgres and NATS)', () => {
  const prefix = newPrefix();
  const stream = producerStreamName(prefix, 'companies');
  let producer: TestApp;
  let consumer: TestApp;
  let nc: NatsConnection;

  const register = async (name: string, requestId?: string) => {
    const req = producer.http().post('/api/test/companies').set('Authorization', await bearer(producer, 'staff'));
    if (requestId) void req.set('x-request-id', requestId);
    return (await req.send({ name }).expect(201)).body as { companyId: string; eventId: string; correlationId: string };
  };

  /** Writes events straight through the producer's outbox, in one transaction. */
  const produce = (names: string[]) =>
    producer.app.get(DataSource).transaction((manager) =>
      producer.app.get(OutboxService).addMany(
        manager,
        CompanyRegistered,
        names.map((name) => ({ data: testCompany(randomUUID(), name) })),
      ),
    );

  const consumerProgress = async () => {
    const info = await (await jetstreamManager(nc)).consumers.info(stream, 'ledger');
    return { pending: info.num_pending, ackPending: info.num_ack_pending, delivered: info.delivered.stream_seq };
  };

  beforeAll(async () => {
    producer = await startMessagingApp('producer', { prefix });
    consumer = await startMessagingApp('consumer', { prefix });
    nc = await natsClient();
  });
  afterAll(async () => {
    await nc?.close();
    await producer?.close();
    await consumer?.close();
    await deleteTestStreams(prefix);
  });

  it('commits a write with its event; the consumer handles it once, under the request\'s correlation id', async () => {
    const { companyId, eventId, correlationId } = await register('Correlated AB', 'req-correlated-1');
    expect(correlationId).toBe('req-correlated-1');
    await eventually(async () => expect(await ledgerOf(consumer, ['Correlated AB'])).toEqual({ rows: 1, events: 1 }));
    const [entry] = await queryDatabase(consumer.config.DATABASE_NAME, 'SELECT event_id, correlation_id FROM ledger_entries WHERE label = $1', [
      'Correlated AB',
    ]);
    expect(entry).toEqual({ event_id: eventId, correlation_id: 'req-correlated-1' });
    const [row] = await queryDatabase(producer.config.DATABASE_NAME, 'SELECT published_at FROM outbox WHERE id = $1', [eventId]);
    expect(row.published_at).not.toBeNull();
    const [state] = await queryDatabase(producer.config.DATABASE_NAME, 'SELECT name FROM test_companies WHERE id = $1', [companyId]);
    expect(state).toEqual({ name: 'Correlated AB' });
  });

  it('adds events only inside a transaction, and refuses invalid ones with the whole transaction', async () => {
    const outbox = producer.app.get(OutboxService);
    const dataSource = producer.app.get(DataSource);
    await expect(outbox.add(dataSource.manager, CompanyRegistered, testCompany(randomUUID(), 'No Tx AB'))).rejects.toBeInstanceOf(
      OutboxTransactionRequiredError,
    );
    const id = randomUUID();
    await expect(
      dataSource.transaction(async (manager) => {
        await manager.query('INSERT INTO test_companies (id, name) VALUES ($1, $2)', [id, 'Invalid AB']);
        await outbox.add(manager, CompanyRegistered, { ...testCompany(id, 'Invalid AB'), sizeClass: 'huge' as 'large' });
      }),
    ).rejects.toThrow(/sizeClass/);
    expect(await queryDatabase(producer.config.DATABASE_NAME, 'SELECT 1 FROM test_companies WHERE id = $1', [id])).toEqual([]);
  });

  it('handles every event published while the consumer was stopped once it starts', async () => {
    const databaseName = consumer.config.DATABASE_NAME;
    await consumer.stop();
    const names = Array.from({ length: 60 }, (_, i) => `While Stopped ${i}`);
    for (const name of names.slice(0, 10)) await register(name);
    await produce(names.slice(10));
    // Published to the stream (outbox drained) while nobody consumes.
    await eventually(async () => expect(await outboxBacklog(producer)).toBe(0));
    expect((await consumerProgress()).pending).toBeGreaterThanOrEqual(60);

    consumer = await startMessagingApp('consumer', { prefix, databaseName });
    await eventually(async () => expect(await ledgerOf(consumer, names)).toEqual({ rows: 60, events: 60 }));
  });

  it('has each effect once when every message is delivered several times', async () => {
    const names = Array.from({ length: 20 }, (_, i) => `Twice ${i}`);
    const envelopes = await produce(names);
    await eventually(async () => expect(await ledgerOf(consumer, names)).toEqual({ rows: 20, events: 20 }));

    // 1. The same events published again under new message ids (past JetStream's deduplication): new stream messages.
    const js = jetstream(nc);
    for (let copy = 0; copy < 2; copy++) {
      for (const envelope of envelopes) {
        await js.publish(`${prefix}.companies.company.registered.v1`, JSON.stringify(envelope), { msgID: `copy-${copy}-${envelope.id}` });
      }
    }
    await eventually(async () => expect(await consumerProgress()).toMatchObject({ pending: 0, ackPending: 0 }));
    expect(await metric(consumer, 'messaging_consumed_total', { event_type: 'CompanyRegistered', outcome: 'duplicate' })).toBeGreaterThanOrEqual(40);

    // 2. The durable consumer forgotten: on start it is created again and the whole stream is redelivered.
    const databaseName = consumer.config.DATABASE_NAME;
    await consumer.stop();
    const total = (await queryDatabase<{ n: number }>(databaseName, 'SELECT count(*)::int AS n FROM ledger_entries'))[0].n;
    await (await jetstreamManager(nc)).consumers.delete(stream, 'ledger');
    consumer = await startMessagingApp('consumer', { prefix, databaseName });
    const streamLength = (await (await jetstreamManager(nc)).streams.info(stream)).state.last_seq;
    await eventually(async () => expect(await consumerProgress()).toEqual({ pending: 0, ackPending: 0, delivered: streamLength }));
    expect(await ledgerOf(consumer, names)).toEqual({ rows: 20, events: 20 });
    expect((await queryDatabase<{ n: number }>(databaseName, 'SELECT count(*)::int AS n FROM ledger_entries'))[0].n).toBe(total);
    expect(await metric(consumer, 'messaging_consumed_total', { outcome: 'duplicate' })).toBeGreaterThanOrEqual(streamLength - 5);
  });

  it('retries a handler that fails, with backoff, until its effect lands once', async () => {
    const [{ id }] = await produce(['fail-times:2']);
    await eventually(async () => expect(await ledgerOf(consumer, ['fail-times:2'])).toEqual({ rows: 1, events: 1 }));
    expect(consumer.app.get(LedgerHandler).attempts.get(id)).toBe(3);
    expect(await metric(consumer, 'messaging_redelivered_total', { event_type: 'CompanyRegistered' })).toBeGreaterThanOrEqual(2);
  });

  it('keeps retrying through a database outage without using up the deliveries', async () => {
    // 5 failures as if the database were away: more than MESSAGING_MAX_DELIVERIES (3), yet not dead-lettered.
    const [{ id }] = await produce(['transient-times:5']);
    await eventually(async () => expect(await ledgerOf(consumer, ['transient-times:5'])).toEqual({ rows: 1, events: 1 }));
    expect(consumer.app.get(LedgerHandler).attempts.get(id)).toBe(6);
    expect(await metric(consumer, 'messaging_dead_lettered_total')).toBe(0);
  });

  it('does not let a failing message in a batch hold back the others', async () => {
    const names = ['Batch 1', 'Batch 2', 'fail-until-fixed:never', 'Batch 3', 'Batch 4'];
    await produce(names);
    await eventually(async () => expect(await ledgerOf(consumer, names)).toEqual({ rows: 4, events: 4 }));
  });

  it('gives batch handlers runs of their events in one call', async () => {
    const handler = consumer.app.get(LedgerHandler);
    await producer.app.get(DataSource).transaction((manager) =>
      producer.app.get(OutboxService).addMany(
        manager,
        ExportFiguresReported,
        Array.from({ length: 300 }, (_, i) => ({
          data: {
            companyId: randomUUID(),
            year: 2000 + (i % 50),
            totalTurnoverSek: 1000,
            exportTurnoverSek: 10,
            exportMarkets: ['NO'],
            revision: 1,
            reportedAt: new Date().toISOString(),
          },
        })),
      ),
    );
    await eventually(async () => expect(await ledgerCounts(consumer, 'ExportFiguresReported')).toEqual({ rows: 300, events: 300 }));
    // (A call may repeat when its batch transaction rolled back because of another message in it.)
    expect(Math.max(...handler.batchSizes)).toBeGreaterThan(1);
  });

  it('acknowledges events it has no handler for without effect', async () => {
    await producer.app.get(DataSource).transaction((manager) => producer.app.get(OutboxService).add(manager, ContactErased, { contactId: randomUUID() }));
    await eventually(async () => expect(await metric(consumer, 'messaging_consumed_total', { event_type: 'ContactErased', outcome: 'ignored' })).toBe(1));
    await eventually(async () => expect(await consumerProgress()).toMatchObject({ pending: 0, ackPending: 0 }));
  });

  it('reports publishing, consuming, backlog and lag in metrics and health', async () => {
    await eventually(async () => expect(await consumerProgress()).toMatchObject({ pending: 0, ackPending: 0 }));
    const [published] = await queryDatabase<{ n: number }>(
      producer.config.DATABASE_NAME,
      "SELECT count(*)::int AS n FROM outbox WHERE event_type = 'CompanyRegistered' AND published_at IS NOT NULL",
    );
    expect(published.n).toBeGreaterThan(80);
    expect(await metric(producer, 'messaging_published_total', { event_type: 'CompanyRegistered' })).toBe(published.n);
    expect(await metric(producer, 'messaging_outbox_backlog')).toBe(0);
    expect(await metric(consumer, 'messaging_consumed_total', { event_type: 'CompanyRegistered', outcome: 'handled' })).toBeGreaterThan(0);
    const text = (await consumer.http().get('/metrics').expect(200)).text;
    expect(text).toContain(`messaging_consumer_lag{stream="${stream}",consumer="ledger"} 0`);
    expect(text).toContain('messaging_batch_duration_seconds_bucket');
    const health = await producer.http().get('/health/ready').expect(200);
    expect(health.body.details).toMatchObject({ nats: { status: 'up' }, outbox: { status: 'up', backlog: 0 } });
  });

  it('publishes each outbox row once to the stream even if the relay publishes it twice', async () => {
    // As if a relay had published and crashed before marking the row: the row is published again under
    // the same Nats-Msg-Id, which JetStream drops within its duplicate window.
    const id = randomUUID();
    const envelope = createEnvelope(CompanyRegistered, testCompany(randomUUID(), 'Published Twice AB'), { id, source: 'companies' });
    const before = (await (await jetstreamManager(nc)).streams.info(stream)).state.messages;
    const first = await jetstream(nc).publish(`${prefix}.companies.company.registered.v1`, JSON.stringify(envelope), { msgID: id });
    expect(first.duplicate).toBe(false);
    await producer.app.get(DataSource).transaction((manager) =>
      producer.app.get(OutboxService).add(manager, CompanyRegistered, envelope.data, { id }),
    );
    await eventually(async () => expect(await outboxBacklog(producer)).toBe(0));
    expect((await (await jetstreamManager(nc)).streams.info(stream)).state.messages).toBe(before + 1);
    await eventually(async () => expect(await ledgerOf(consumer, ['Published Twice AB'])).toEqual({ rows: 1, events: 1 }));
  });

  it('shares the work between two replicas of each service without publishing or handling anything twice', async () => {
    const producer2 = await startMessagingApp('producer', { prefix, databaseName: producer.config.DATABASE_NAME });
    const consumer2 = await startMessagingApp('consumer', { prefix, databaseName: consumer.config.DATABASE_NAME });
    try {
      const jsm = await jetstreamManager(nc);
      const before = (await jsm.streams.info(stream)).state.messages;
      const names = Array.from({ length: 2000 }, (_, i) => `Replicated ${i}`);
      for (let i = 0; i < names.length; i += 50) await produce(names.slice(i, i + 50));
      await eventually(async () => expect(await ledgerOf(consumer, names)).toEqual({ rows: 2000, events: 2000 }), { timeoutMs: 60_000 });
      expect(await outboxBacklog(producer)).toBe(0);
      // Each row published once: both relays claimed rows (SKIP LOCKED), none claimed the same.
      expect((await jsm.streams.info(stream)).state.messages).toBe(before + 2000);
      const published = [
        await metric(producer, 'messaging_published_total', { event_type: 'CompanyRegistered' }),
        await metric(producer2, 'messaging_published_total', { event_type: 'CompanyRegistered' }),
      ];
      expect(published.every((n) => n > 0)).toBe(true);
      const handled = [
        await metric(consumer, 'messaging_consumed_total', { event_type: 'CompanyRegistered', outcome: 'handled' }),
        await metric(consumer2, 'messaging_consumed_total', { event_type: 'CompanyRegistered', outcome: 'handled' }),
      ];
      expect(handled.every((n) => n > 0)).toBe(true);
    } finally {
      await producer2.stop();
      await consumer2.stop();
    }
  });

  it('deletes published outbox rows after the retention period, and only those', async () => {
    const databaseName = producer.config.DATABASE_NAME;
    await producer.stop();
    // An unpublished row must survive housekeeping: written while no relay runs.
    await queryDatabase(
      databaseName,
      `INSERT INTO outbox (id, subject, event_type, event_version, envelope, occurred_on)
       VALUES ($1, 'nowhere', 'CompanyRegistered', 1, '{}', now())`,
      [randomUUID()],
    );
    const unpublished = async () =>
      (await queryDatabase<{ n: number }>(databaseName, 'SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL'))[0].n;
    expect(await unpublished()).toBe(1);
    // No relay may publish it (it points nowhere): NATS unreachable for this instance.
    producer = await startMessagingApp('producer', { prefix, databaseName, natsUrl: 'nats://127.0.0.1:1', env: { OUTBOX_RETENTION_MS: '0' } });
    await eventually(async () => {
      const [row] = await queryDatabase<{ n: number }>(databaseName, 'SELECT count(*)::int AS n FROM outbox WHERE published_at IS NOT NULL');
      expect(row.n).toBe(0);
    });
    expect(await unpublished()).toBe(1);
  });
});
