import { randomUUID } from 'node:crypto';
import { CompanyRegistered, createEnvelope } from '@globac/contracts';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { headers, type NatsConnection } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import { deadLetterStreamName, OutboxService } from '../src';
import { LedgerHandler } from './support/ledger.handler';
import { bearer, ledgerOf, metric, natsClient, newPrefix, startMessagingApp, type TestApp } from './support/messaging-apps';
import { testCompany } from './support/test-companies.controller';
import { deleteTestStreams, eventually } from './support/testing';

interface DeadLetter {
  sequence: number;
  reason: string;
  error: string;
  eventType: string | null;
  eventId: string | null;
  originalSubject: string;
  deliveries: number;
  payload: string;
}

jest.setTimeout(60_000);

describe('dead letters (real Postgres and NATS)', () => {
  const prefix = newPrefix();
  const subject = `${prefix}.companies.company.registered.v1`;
  let producer: TestApp;
  let consumer: TestApp;
  let nc: NatsConnection;
  let admin: string;

  const produce = (names: string[]) =>
    producer.app.get(DataSource).transaction((manager) =>
      producer.app.get(OutboxService).addMany(
        manager,
        CompanyRegistered,
        names.map((name) => ({ data: testCompany(randomUUID(), name) })),
      ),
    );
  const envelope = (name: string, overrides: Record<string, unknown> = {}) => ({
    ...createEnvelope(CompanyRegistered, testCompany(randomUUID(), name), { source: 'companies' }),
    ...overrides,
  });
  const deadLetters = async (query = '?pageSize=100') =>
    (await consumer.http().get(`/api/admin/dead-letters${query}`).set('Authorization', admin).expect(200)).body as {
      items: DeadLetter[];
      total: number;
      page: number;
      pageSize: number;
    };

  beforeAll(async () => {
    producer = await startMessagingApp('producer', { prefix });
    consumer = await startMessagingApp('consumer', { prefix });
    nc = await natsClient();
    admin = await bearer(consumer, 'admin');
  });
  afterAll(async () => {
    await nc?.close();
    await producer?.close();
    await consumer?.close();
    await deleteTestStreams(prefix);
  });

  it('dead-letters a malformed message and one of an unknown version at once, with the reason; the messages after them are handled', async () => {
    const js = jetstream(nc);
    await js.publish(subject, '{"this is": not json');
    await js.publish(`${prefix}.companies.company.registered.v9`, JSON.stringify(envelope('Version Nine AB', { version: 9 })));
    await js.publish(subject, JSON.stringify(envelope('Bad Data AB', { data: { name: 'Bad Data AB' } })));
    await js.publish(subject, JSON.stringify(envelope('Unknown Type AB', { type: 'CompanyDissolved' })));
    await produce(['After Poison 1', 'After Poison 2']);

    await eventually(async () => expect(await ledgerOf(consumer, ['After Poison 1', 'After Poison 2'])).toEqual({ rows: 2, events: 2 }));
    await eventually(async () => expect((await deadLetters()).total).toBe(4));
    const { items } = await deadLetters();
    expect(items.map((d) => [d.reason, d.deliveries])).toEqual([
      ['invalid-json', 1],
      ['unknown-version', 1],
      ['invalid-data', 1],
      ['unknown-type', 1],
    ]);
    expect(items[0]).toMatchObject({ originalSubject: subject, payload: '{"this is": not json', eventType: 'unknown' });
    expect(items[1]).toMatchObject({ eventType: 'CompanyRegistered', originalSubject: `${prefix}.companies.company.registered.v9` });
    expect(items[1].error).toContain('no version 9');
    expect(items[2].error).toContain('companyId');
    expect(await metric(consumer, 'messaging_dead_lettered_total', { reason: 'invalid-json' })).toBe(1);
    expect(await metric(consumer, 'messaging_dead_lettered_total', { event_type: 'CompanyRegistered', reason: 'unknown-version' })).toBe(1);

    // Headers carry the reason and the origin, for anyone reading the stream directly.
    const stored = await (await jetstreamManager(nc)).streams.getMessage(deadLetterStreamName(prefix), { seq: items[0].sequence });
    expect(stored?.subject).toBe(`${prefix}.dead-letters.ledger.companies.company.registered.v1`);
    expect(stored?.header.get('Globac-Dead-Letter-Reason')).toBe('invalid-json');
    expect(stored?.header.get('Globac-Original-Subject')).toBe(subject);
    expect(Number(stored?.header.get('Globac-Original-Sequence'))).toBeGreaterThan(0);
    expect(stored?.header.get('Globac-Delivery-Count')).toBe('1');
  });

  it('dead-letters a message whose handler keeps failing after the configured deliveries, and goes on', async () => {
    const [poison] = await produce(['fail-until-fixed:replay-one', 'After Failing 1']);
    await eventually(async () => expect(await ledgerOf(consumer, ['After Failing 1'])).toEqual({ rows: 1, events: 1 }));
    const failed = await eventually(async () => {
      const found = (await deadLetters()).items.find((d) => d.eventId === poison.id);
      expect(found).toBeDefined();
      return found!;
    });
    expect(failed).toMatchObject({ reason: 'max-deliveries', deliveries: 3, eventType: 'CompanyRegistered' });
    expect(failed.error).toContain('replay-one is not fixed yet');
    expect(consumer.app.get(LedgerHandler).attempts.get(poison.id)).toBe(3);
  });

  it('lists dead letters in pages, to admins only', async () => {
    const page = await deadLetters('?page=2&pageSize=2');
    expect(page).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(page.items.map((d) => d.reason)).toEqual(['invalid-data', 'unknown-type']);
    await consumer
      .http()
      .get('/api/admin/dead-letters')
      .set('Authorization', await bearer(consumer, 'staff'))
      .expect(403);
    await consumer.http().get('/api/admin/dead-letters').expect(401);
  });

  it('replays one dead letter: it stays while it still fails, and is handled and removed once fixed', async () => {
    const target = (await deadLetters()).items.find((d) => d.reason === 'max-deliveries')!;
    const again = await consumer.http().post(`/api/admin/dead-letters/${target.sequence}/replay`).set('Authorization', admin).expect(409);
    expect(again.body).toMatchObject({ error: 'DEAD_LETTER_REPLAY_FAILED', details: { sequence: target.sequence, reason: 'handler-failed' } });
    expect((await deadLetters()).total).toBe(5);

    consumer.app.get(LedgerHandler).fix('replay-one');
    const replayed = await consumer.http().post(`/api/admin/dead-letters/${target.sequence}/replay`).set('Authorization', admin).expect(200);
    expect(replayed.body).toEqual({ sequence: target.sequence, outcome: 'handled' });
    expect(await ledgerOf(consumer, ['fail-until-fixed:replay-one'])).toEqual({ rows: 1, events: 1 });
    expect((await deadLetters()).items.map((d) => d.sequence)).not.toContain(target.sequence);

    await consumer.http().post(`/api/admin/dead-letters/${target.sequence}/replay`).set('Authorization', admin).expect(404);
    await consumer.http().post('/api/admin/dead-letters/abc/replay').set('Authorization', admin).expect(400);
  });

  it('replays all: what is handled now is removed, what still fails stays', async () => {
    const [poison] = await produce(['fail-until-fixed:replay-all']);
    await eventually(async () => expect((await deadLetters()).items.map((d) => d.eventId)).toContain(poison.id));
    consumer.app.get(LedgerHandler).fix('replay-all');

    // A background job: 202 with its id, progress at /replays/:id.
    const started = await consumer.http().post('/api/admin/dead-letters/replay').set('Authorization', admin).expect(202);
    expect(started.headers.location).toBe(`/api/admin/dead-letters/replays/${started.body.id}`);
    const body = await eventually(async () => {
      const progress = await consumer.http().get(`/api/admin/dead-letters/replays/${started.body.id}`).set('Authorization', admin).expect(200);
      expect(progress.body.status).toBe('completed');
      return progress.body;
    });
    expect(body).toMatchObject({ total: 5, processed: 5, replayed: 1, failed: 4 });
    expect(body.failures.map((f: { reason: string }) => f.reason)).toEqual(['invalid-json', 'unknown-version', 'invalid-data', 'unknown-type']);
    expect(await ledgerOf(consumer, ['fail-until-fixed:replay-all'])).toEqual({ rows: 1, events: 1 });
    expect((await deadLetters()).total).toBe(4);
  });

  it('replays an event whose effect is already there without repeating it', async () => {
    // Dead-lettered after its effect was committed (e.g. the ack was lost and a later delivery failed
    // validation of a newer build): the inbox makes the replay a no-op.
    const [event] = await produce(['Already Handled AB']);
    await eventually(async () => expect(await ledgerOf(consumer, ['Already Handled AB'])).toEqual({ rows: 1, events: 1 }));
    const js = jetstream(nc);
    const h = headers();
    h.set('Globac-Original-Subject', subject);
    h.set('Globac-Dead-Letter-Reason', 'max-deliveries');
    const ack = await js.publish(`${prefix}.dead-letters.ledger.companies.company.registered.v1`, JSON.stringify(event), { headers: h });
    const res = await consumer.http().post(`/api/admin/dead-letters/${ack.seq}/replay`).set('Authorization', admin).expect(200);
    expect(res.body).toEqual({ sequence: ack.seq, outcome: 'duplicate' });
    expect(await ledgerOf(consumer, ['Already Handled AB'])).toEqual({ rows: 1, events: 1 });
  });
});
