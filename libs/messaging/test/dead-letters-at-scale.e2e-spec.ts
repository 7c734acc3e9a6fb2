import { randomUUID } from 'node:crypto';
import { CompanyRegistered, createEnvelope } from '@globac/contracts';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { headers, type NatsConnection, type Subscription } from '@nats-io/transport-node';
import { databaseUrl } from '@globac/database';
import { Client } from 'pg';
import { DeadLetterReplays, deadLetterStreamName } from '../src';
import { bearer, ledgerCounts, natsClient, newPrefix, startMessagingApp, type TestApp } from './support/messaging-apps';
import { testCompany } from './support/test-companies.controller';
import { deleteTestStreams, eventually, queryDatabase, testInfrastructure } from './support/testing';

jest.setTimeout(240_000);

const DEAD_LETTERS = 10_000;
/** Every n-th of ours has data no handler accepts: it fails again on replay and stays. */
const POISON_EVERY = 2000;

interface Progress {
  id: string;
  status: string;
  total: number;
  processed: number;
  replayed: number;
  failed: number;
  failures: { sequence: number; reason: string }[];
}

/** Counts the JetStream API requests the service makes on the dead-letter stream, by listening to them. */
class ApiRequests {
  messageGets = 0;
  consumerCreates = 0;
  /** Messages asked for by pull requests: an upper bound of the messages read. */
  messagesRequested = 0;
  private readonly subscriptions: Subscription[];

  constructor(nc: NatsConnection, stream: string) {
    const count = (subject: string, counter: 'messageGets' | 'consumerCreates') =>
      nc.subscribe(subject, {
        callback: () => {
          this[counter]++;
        },
      });
    this.subscriptions = [
      count(`$JS.API.STREAM.MSG.GET.${stream}`, 'messageGets'),
      count(`$JS.API.DIRECT.GET.${stream}.>`, 'messageGets'),
      count(`$JS.API.CONSUMER.CREATE.${stream}`, 'consumerCreates'),
      count(`$JS.API.CONSUMER.CREATE.${stream}.>`, 'consumerCreates'),
      nc.subscribe(`$JS.API.CONSUMER.MSG.NEXT.${stream}.>`, {
        callback: (_error, msg) => {
          this.messagesRequested += (JSON.parse(msg.string() || '{}') as { batch?: number }).batch ?? 1;
        },
      }),
    ];
  }

  stop() {
    for (const sub of this.subscriptions) sub.unsubscribe();
  }
}

describe('dead letters at scale: 10,000 of them (real Postgres and NATS)', () => {
  const prefix = newPrefix();
  const stream = deadLetterStreamName(prefix);
  const originalSubject = `${prefix}.companies.company.registered.v1`;
  const ours = `${prefix}.dead-letters.ledger.companies.company.registered.v1`;
  const others = `${prefix}.dead-letters.other-service.companies.company.registered.v1`;
  let replicaA: TestApp;
  let replicaB: TestApp;
  let nc: NatsConnection;
  let admin: string;
  /** Sequences of this service's dead letters, in stream order. */
  let sequences: number[] = [];
  let poisoned = 0;
  let othersCount = 0;

  const deadLetterHeaders = () => {
    const h = headers();
    h.set('Globac-Original-Subject', originalSubject);
    h.set('Globac-Dead-Letter-Reason', 'max-deliveries');
    h.set('Globac-Dead-Letter-Error', 'a handler bug, fixed since');
    h.set('Globac-Event-Type', 'CompanyRegistered');
    return h;
  };
  /** Publishes `count` dead letters of this service (every POISON_EVERY-th invalid), with another service's in between. */
  const deadLetter = async (count: number, label: string) => {
    const js = jetstream(nc);
    const published: number[] = [];
    for (let start = 0; start < count; start += 500) {
      const acks = await Promise.all(
        Array.from({ length: Math.min(500, count - start) }, (_, k) => {
          const i = start + k;
          const poison = i % POISON_EVERY === POISON_EVERY - 1;
          if (poison) poisoned++;
          const envelope = createEnvelope(CompanyRegistered, testCompany(randomUUID(), `${label} ${i}`), { source: 'companies' });
          const body = JSON.stringify(poison ? { ...envelope, data: { name: `${label} ${i}` } } : envelope);
          const acked = [js.publish(ours, body, { headers: deadLetterHeaders() })];
          if (i % 4 === 3) {
            othersCount++;
            acked.push(js.publish(others, body, { headers: deadLetterHeaders() }));
          }
          return Promise.all(acked);
        }),
      );
      published.push(...acks.map(([ack]) => ack.seq));
    }
    return published;
  };
  const progressOf = async (app: TestApp, id: string): Promise<Progress> =>
    (await app.http().get(`/api/admin/dead-letters/replays/${id}`).set('Authorization', admin).expect(200)).body;
  /** Polls a job until it completes; checks on the way that its progress only grows. */
  const untilCompleted = async (app: TestApp, id: string): Promise<Progress> => {
    const seen: number[] = [];
    const done = await eventually(
      async () => {
        const progress = await progressOf(app, id);
        seen.push(progress.processed);
        expect(progress.status).toBe('completed');
        return progress;
      },
      { timeoutMs: 180_000, intervalMs: 200 },
    );
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    return done;
  };

  beforeAll(async () => {
    replicaA = await startMessagingApp('consumer', { prefix });
    // A second replica of the same service: same database, same durable consumers.
    replicaB = await startMessagingApp('consumer', { prefix, databaseName: replicaA.config.DATABASE_NAME });
    nc = await natsClient();
    admin = await bearer(replicaA, 'admin');
    const jsm = await jetstreamManager(nc);
    await eventually(async () => expect((await jsm.streams.info(stream)).config.name).toBe(stream));
    sequences = await deadLetter(DEAD_LETTERS, 'Scale');
    // Replays leave gaps: remove a few of ours from the middle.
    for (const seq of sequences.splice(5001, 7)) await jsm.streams.deleteMessage(stream, seq);
  });
  afterAll(async () => {
    await nc?.close();
    // B shares A's database: stopped, not closed (closing drops the database).
    await replicaB?.stop();
    await replicaA?.close();
    await deleteTestStreams(prefix);
  });

  it('lists a late page by reading about one page of messages, not every message before it', async () => {
    const requests = new ApiRequests(nc, stream);
    await nc.flush();
    const page = 95;
    const { body } = await replicaA.http().get(`/api/admin/dead-letters?page=${page}&pageSize=100`).set('Authorization', admin).expect(200);
    await nc.flush();
    requests.stop();

    expect(body).toMatchObject({ total: sequences.length, page, pageSize: 100 });
    expect(body.items.map((d: { sequence: number }) => d.sequence)).toEqual(sequences.slice(9400, 9500));
    expect(body.items[0]).toMatchObject({ reason: 'max-deliveries', originalSubject, eventType: 'CompanyRegistered' });
    // Before: one STREAM.MSG.GET per message up to the page's end (9,500 here).
    expect(requests.messageGets).toBe(0);
    expect(requests.messagesRequested).toBeLessThanOrEqual(100);
    expect(requests.consumerCreates).toBeLessThanOrEqual(40);

    // The last page is partial; beyond it, nothing.
    const last = Math.ceil(sequences.length / 100);
    const tail = (await replicaB.http().get(`/api/admin/dead-letters?page=${last}&pageSize=100`).set('Authorization', admin).expect(200)).body;
    expect(tail.items.map((d: { sequence: number }) => d.sequence)).toEqual(sequences.slice((last - 1) * 100));
    const beyond = (await replicaB.http().get(`/api/admin/dead-letters?page=${last + 1}&pageSize=100`).set('Authorization', admin).expect(200)).body;
    expect(beyond).toMatchObject({ items: [], total: sequences.length });
  });

  it('replays all in the background, one job for both replicas, with progress from either; failures stay', async () => {
    const started = await replicaA.http().post('/api/admin/dead-letters/replay').set('Authorization', admin).expect(202);
    expect(started.body).toMatchObject({ status: 'running', total: sequences.length });
    const twice = await replicaB.http().post('/api/admin/dead-letters/replay').set('Authorization', admin).expect(409);
    expect(twice.body).toMatchObject({ error: 'DEAD_LETTER_REPLAY_RUNNING', details: { replayId: started.body.id } });

    const done = await untilCompleted(replicaB, started.body.id);
    expect(done).toMatchObject({ total: sequences.length, processed: sequences.length, replayed: sequences.length - poisoned, failed: poisoned });
    expect(done.failures.map((f) => f.reason)).toEqual(Array(poisoned).fill('invalid-data'));
    expect(await ledgerCounts(replicaA)).toEqual({ rows: sequences.length - poisoned, events: sequences.length - poisoned });

    const left = (await replicaA.http().get('/api/admin/dead-letters?pageSize=100').set('Authorization', admin).expect(200)).body;
    expect(left.total).toBe(poisoned);
    // Another service's dead letters in the same stream are not touched.
    const info = await (await jetstreamManager(nc)).streams.info(stream, { subjects_filter: others });
    expect(info.state.subjects?.[others]).toBe(othersCount);

    await replicaA.http().get(`/api/admin/dead-letters/replays/${randomUUID()}`).set('Authorization', admin).expect(404);
    await replicaA.http().get('/api/admin/dead-letters/replays/not-a-uuid').set('Authorization', admin).expect(400);
  });

  it('takes over a replay whose replica died, and goes on from where it was', async () => {
    const added = await deadLetter(300, 'After Crash');
    const jsm = await jetstreamManager(nc);
    const { state } = await jsm.streams.info(stream);
    // A replica that crashed mid-job: it started at the new dead letters, owns the job, and has been silent for an hour.
    const id = randomUUID();
    await queryDatabase(
      replicaA.config.DATABASE_NAME,
      `INSERT INTO dead_letter_replays (id, status, until_sequence, cursor, total, owner, heartbeat_at)
       VALUES ($1, 'running', $2, $3, $4, 'a-replica-that-crashed', now() - interval '1 hour')`,
      [id, state.last_seq, added[0] - 1, added.length],
    );
    const done = await untilCompleted(replicaA, id);
    // Only the new ones: the earlier poison lies before the job's cursor.
    expect(done).toMatchObject({ total: added.length, processed: added.length, replayed: added.length, failed: 0 });
    const [{ n }] = await queryDatabase<{ n: number }>(replicaA.config.DATABASE_NAME, "SELECT count(*)::int AS n FROM ledger_entries WHERE label LIKE 'After Crash %'");
    expect(n).toBe(added.length);
  });

  it('a replica that stops releases its replay after the batch in flight, and the other replica finishes it', async () => {
    const added = await deadLetter(3000, 'Handed Over');
    const database = replicaA.config.DATABASE_NAME;
    // Holds B's first batch at the ledger's insert, so that B is surely mid-job when it stops.
    const blocker = new Client({ connectionString: databaseUrl(testInfrastructure.postgresUrl, database) });
    await blocker.connect();
    let started: Progress;
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE ledger_entries IN EXCLUSIVE MODE');
      started = (await replicaB.http().post('/api/admin/dead-letters/replay').set('Authorization', admin).expect(202)).body;
      await eventually(async () => {
        const [{ n }] = await queryDatabase<{ n: number }>(
          database,
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'",
          [database],
        );
        expect(n).toBeGreaterThan(0);
      });
      // The first step of B's shutdown for its replays (app.close() calls the same hook): it stops after the batch in flight.
      const stopping = replicaB.app.get(DeadLetterReplays).onModuleDestroy();
      await blocker.query('COMMIT');
      await stopping;
    } finally {
      await blocker.end();
    }
    const [released] = await queryDatabase<{ status: string; owner: string | null; processed: number; total: number }>(
      database,
      'SELECT status, owner, processed, total FROM dead_letter_replays WHERE id = $1',
      [started.id],
    );
    expect(released).toMatchObject({ status: 'running', owner: null, processed: 100 });
    await replicaB.stop();

    const done = await untilCompleted(replicaA, started.id);
    expect(done).toMatchObject({ processed: done.total, failed: poisoned, replayed: added.length - 1 });
    const [{ n }] = await queryDatabase<{ n: number }>(database, "SELECT count(*)::int AS n FROM ledger_entries WHERE label LIKE 'Handed Over %'");
    expect(n).toBe(added.length - 1);
  });

  it('waits out a database failure in the middle of a replay instead of counting the message as failed', async () => {
    // The ledger handler fails its first two tries of this one as if the database were away.
    const envelope = createEnvelope(CompanyRegistered, testCompany(randomUUID(), 'transient-times:2'), { source: 'companies' });
    await jetstream(nc).publish(ours, JSON.stringify(envelope), { headers: deadLetterHeaders() });
    const started = (await replicaA.http().post('/api/admin/dead-letters/replay').set('Authorization', admin).expect(202)).body as Progress;
    const done = await untilCompleted(replicaA, started.id);
    // Only the poison left from before fails; the one that met the "database" is handled.
    expect(done).toMatchObject({ total: poisoned + 1, processed: poisoned + 1, replayed: 1, failed: poisoned });
    const [{ n }] = await queryDatabase<{ n: number }>(replicaA.config.DATABASE_NAME, 'SELECT count(*)::int AS n FROM ledger_entries WHERE event_id = $1', [envelope.id]);
    expect(n).toBe(1);
  });
});
