import { randomUUID } from 'node:crypto';
import { CONTRACT_EXAMPLES, CompanyRegistered, TripCancelled } from '@globac/contracts';
import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import { OutboxService, producerStreamName } from '../src';
import { bearer, metric, natsClient, newPrefix, startMessagingApp, type TestApp } from './support/messaging-apps';
import { testCompany } from './support/test-companies.controller';
import { deleteTestStreams, eventually, queryDatabase } from './support/testing';

jest.setTimeout(60_000);

interface Row {
  published_at: Date | null;
  failed_at: Date | null;
  next_attempt_at: Date | null;
  attempts: number;
  last_error: string | null;
}

interface FailedRow {
  id: string;
  subject: string;
  eventType: string;
  attempts: number;
  lastError: string | null;
  failedAt: string;
  envelope: string;
}

describe('outbox rows that cannot be published are set aside (real Postgres and NATS)', () => {
  const prefix = newPrefix();
  const tripsStream = producerStreamName(prefix, 'trips');
  let producer: TestApp;
  let nc: NatsConnection;
  let admin: string;

  const row = async (id: string): Promise<Row> =>
    (
      await queryDatabase<Row>(
        producer.config.DATABASE_NAME,
        'SELECT published_at, failed_at, next_attempt_at, attempts, last_error FROM outbox WHERE id = $1',
        [id],
      )
    )[0];
  // The producer provisions only the companies stream: trip events have no stream unless the test makes one.
  const addTrips = (count: number) =>
    producer.app.get(DataSource).transaction((manager) =>
      producer.app.get(OutboxService).addMany(
        manager,
        TripCancelled,
        Array.from({ length: count }, () => ({ data: CONTRACT_EXAMPLES.get('TripCancelled@1') as TripCancelled })),
      ),
    );
  const addCompany = async (name: string) =>
    producer.app
      .get(DataSource)
      .transaction((manager) => producer.app.get(OutboxService).add(manager, CompanyRegistered, testCompany(randomUUID(), name)));
  const failedList = async (query = '') =>
    (await producer.http().get(`/api/admin/outbox/failed${query}`).set('Authorization', admin).expect(200)).body as {
      items: FailedRow[];
      total: number;
      page: number;
      pageSize: number;
    };
  const createTripsStream = async () =>
    (await jetstreamManager(nc)).streams.add({ name: tripsStream, subjects: [`${prefix}.trips.>`], storage: 'memory' as never });

  beforeAll(async () => {
    producer = await startMessagingApp('producer', { prefix, env: { OUTBOX_MAX_ATTEMPTS: '3' } });
    nc = await natsClient();
    admin = await bearer(producer, 'admin');
  });
  afterAll(async () => {
    await nc?.close();
    await producer?.close();
    await deleteTestStreams(prefix);
  });

  it('sets a row aside after the configured refused publishes, with its error, a metric and backoff; the relay skips it from then on', async () => {
    const [trip] = await addTrips(1);
    const failed = await eventually(async () => {
      const current = await row(trip.id);
      expect(current.failed_at).not.toBeNull();
      return current;
    });
    expect(failed).toMatchObject({ published_at: null, attempts: 3 });
    expect(failed.last_error).toContain(`no stream stores ${prefix}.trips.trip.cancelled.v1`);
    // Each refusal set a time before the next try.
    expect(failed.next_attempt_at!.getTime()).toBeGreaterThan(failed.failed_at!.getTime());

    expect(await metric(producer, 'messaging_outbox_failed')).toBe(1);
    expect(await metric(producer, 'messaging_outbox_failed_total', { event_type: 'TripCancelled' })).toBe(1);
    expect(await metric(producer, 'messaging_outbox_backlog')).toBe(0);
    const health = await producer.http().get('/health/ready').expect(200);
    expect(health.body.details.outbox).toMatchObject({ backlog: 0, failed: 1 });

    // A later event is published; the failed row, earlier in the outbox, was not claimed with it.
    const company = await addCompany('After The Failed Row AB');
    await eventually(async () => expect((await row(company.id)).published_at).not.toBeNull());
    expect((await row(trip.id)).attempts).toBe(3);
  });

  it('lists failed rows to admins only, in pages', async () => {
    const page = await failedList('?page=1&pageSize=10');
    expect(page).toMatchObject({ total: 1, page: 1, pageSize: 10 });
    expect(page.items).toEqual([
      expect.objectContaining({ subject: `${prefix}.trips.trip.cancelled.v1`, eventType: 'TripCancelled', attempts: 3 }),
    ]);
    expect(page.items[0].lastError).toContain('no stream stores');
    expect(JSON.parse(page.items[0].envelope)).toMatchObject({ id: page.items[0].id, type: 'TripCancelled' });

    await producer
      .http()
      .get('/api/admin/outbox/failed')
      .set('Authorization', await bearer(producer, 'staff'))
      .expect(403);
    await producer.http().get('/api/admin/outbox/failed').expect(401);
    const bad = await producer.http().get('/api/admin/outbox/failed?pageSize=0').set('Authorization', admin).expect(400);
    expect(bad.body).toMatchObject({ statusCode: 400 });
  });

  it('retries one failed row once its stream exists: pending again, then published', async () => {
    const [{ id }] = (await failedList()).items;
    await producer.http().post(`/api/admin/outbox/failed/${randomUUID()}/retry`).set('Authorization', admin).expect(404);
    await producer.http().post('/api/admin/outbox/failed/not-a-uuid/retry').set('Authorization', admin).expect(400);

    await createTripsStream();
    await producer.http().post(`/api/admin/outbox/failed/${id}/retry`).set('Authorization', admin).expect(204);
    await eventually(async () => expect((await row(id)).published_at).not.toBeNull());
    expect((await failedList()).total).toBe(0);
    expect(await metric(producer, 'messaging_outbox_failed')).toBe(0);
    // Published once the stream existed: it is stored there.
    const stored = await (await jetstreamManager(nc)).streams.getMessage(tripsStream, { last_by_subj: `${prefix}.trips.trip.cancelled.v1` });
    expect(JSON.parse(stored!.string()).id).toBe(id);
    // Retrying a row that is no longer failed finds nothing.
    await producer.http().post(`/api/admin/outbox/failed/${id}/retry`).set('Authorization', admin).expect(404);
  });

  it('retries all failed rows', async () => {
    await (await jetstreamManager(nc)).streams.delete(tripsStream);
    const trips = await addTrips(2);
    await eventually(async () => expect((await failedList()).total).toBe(2));

    await createTripsStream();
    const { body } = await producer.http().post('/api/admin/outbox/failed/retry').set('Authorization', admin).expect(200);
    expect(body).toEqual({ retried: 2 });
    await eventually(async () => {
      for (const trip of trips) expect((await row(trip.id)).published_at).not.toBeNull();
    });
    expect((await failedList()).total).toBe(0);
  });
});
