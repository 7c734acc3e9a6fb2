import { jetstreamManager } from '@nats-io/jetstream';
import { producerStreamName } from '../src';
import { bearer, ledgerOf, metric, natsClient, newPrefix, outboxBacklog, startMessagingApp, type TestApp } from './support/messaging-apps';
import { eventually, type PrivateNatsServer, queryDatabase, startPrivateNatsServer } from './support/testing';

// These tests stop NATS, so they run their own server (never the shared one on 4222).
jest.setTimeout(60_000);

describe('NATS away (a private nats-server, real Postgres)', () => {
  const prefix = newPrefix();
  let nats: PrivateNatsServer;
  let producer: TestApp;
  let consumer: TestApp;
  const env = () => ({ prefix, natsUrl: nats.url, env: { NATS_STREAM_STORAGE: 'file' } });

  beforeAll(async () => {
    nats = await startPrivateNatsServer();
    producer = await startMessagingApp('producer', env());
    consumer = await startMessagingApp('consumer', env());
  });
  afterAll(async () => {
    await producer?.close();
    await consumer?.close();
    await nats?.dispose();
  });

  it('keeps taking writes while NATS is down, shows it in health and metrics, and publishes them when it is back', async () => {
    await nats.stop();
    await eventually(async () => {
      const res = await producer.http().get('/health/ready').expect(200);
      expect(res.body.details.nats).toMatchObject({ status: 'down' });
    });
    expect(await metric(producer, 'nats_connected')).toBe(0);

    const staff = await bearer(producer, 'staff');
    for (const name of ['Written While Down 1', 'Written While Down 2']) {
      await producer.http().post('/api/test/companies').set('Authorization', staff).send({ name }).expect(201);
    }
    expect(await outboxBacklog(producer)).toBe(2);
    expect(await metric(producer, 'messaging_outbox_backlog')).toBe(2);
    const health = await producer.http().get('/health/ready').expect(200);
    expect(health.body.details.outbox).toMatchObject({ status: 'up', backlog: 2 });

    await nats.start();
    await eventually(async () => expect(await ledgerOf(consumer, ['Written While Down 1', 'Written While Down 2'])).toEqual({ rows: 2, events: 2 }), {
      timeoutMs: 30_000,
    });
    expect(await outboxBacklog(producer)).toBe(0);
    expect(await metric(producer, 'nats_connected')).toBe(1);
  });

  it('publishes on restart an event committed by a service that died before publishing it', async () => {
    // NATS away: the commit succeeds, the publish cannot happen; then the service goes down.
    await nats.stop();
    const staff = await bearer(producer, 'staff');
    const { body } = await producer.http().post('/api/test/companies').set('Authorization', staff).send({ name: 'Committed Then Died AB' }).expect(201);
    const databaseName = producer.config.DATABASE_NAME;
    await producer.stop();
    const [row] = await queryDatabase(databaseName, 'SELECT published_at FROM outbox WHERE id = $1', [body.eventId]);
    expect(row).toEqual({ published_at: null });

    await nats.start();
    producer = await startMessagingApp('producer', { ...env(), databaseName });
    await eventually(async () => expect(await ledgerOf(consumer, ['Committed Then Died AB'])).toEqual({ rows: 1, events: 1 }), { timeoutMs: 30_000 });
    const [published] = await queryDatabase(databaseName, 'SELECT published_at FROM outbox WHERE id = $1', [body.eventId]);
    expect(published.published_at).not.toBeNull();
  });

  it('finds its streams and consumers again after NATS restarts', async () => {
    await nats.restart();
    await producer.http().post('/api/test/companies').set('Authorization', await bearer(producer, 'staff')).send({ name: 'After Restart AB' }).expect(201);
    await eventually(async () => expect(await ledgerOf(consumer, ['After Restart AB'])).toEqual({ rows: 1, events: 1 }), { timeoutMs: 30_000 });
    const nc = await natsClient(nats.url);
    try {
      const info = await (await jetstreamManager(nc)).consumers.info(producerStreamName(prefix, 'companies'), 'ledger');
      expect(info.config.durable_name).toBe('ledger');
    } finally {
      await nc.close();
    }
  });
});
