// bench:events — integration events from outbox insert to handled-in-inbox, beside raw JetStream
// publish+consume of the same messages in the same run (the physical limit of the path), plus
// end-to-end latency of single-event transactions paced at half the capacity for them that the same
// run measured. Writes the `## bench:events` section of docs/benchmarks.md. Needs the Postgres and NATS
// the services use (POSTGRES_URL, NATS_URL).
//
// The full path is the real lib, built to dist/: a service app (createServiceApp + startServiceApp, as
// runService starts one) with MessagingModule, whose outbox relay publishes what the bench writes
// through OutboxService and whose JetStream transport (a Nest microservice) hands it to a batch
// handler controller (one multi-row insert of effects, in the transaction that writes the inbox rows).
import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import os from 'node:os';
import path from 'node:path';
import { dropDatabase, NATS_URL, POSTGRES_URL } from './harness.mjs';
import { machine, median, root, writeSection } from './report.mjs';

const require = createRequire(import.meta.url);
const N = Number(process.env.BENCH_EVENTS || 20_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const TX_SIZE = 100; // events per producer transaction in the throughput runs
const WRITERS = 2; // concurrent producer transactions
const RAW_IN_FLIGHT = 500; // raw publishes awaited together (the relay publishes a 500-row batch at once)
// The latency run: single-event transactions (one business write, one event), as a service's requests
// write them. Their capacity through the whole path is measured first (CAPACITY_WRITERS concurrent
// writers, as fast as they can); the run is then paced at half of it for PACED_SECONDS. A fixed pace
// (1,000/s before) exceeded what a slower machine could commit one event at a time and measured a queue.
const CAPACITY_EVENTS = Number(process.env.BENCH_CAPACITY_EVENTS || 6_000);
const CAPACITY_WRITERS = 16;
const PACED_SHARE = 0.5;
const PACED_SECONDS = 10;

process.stdout.write('building...\n');
execFileSync(process.execPath, [path.join(root, 'tools/build.mjs')], { stdio: 'ignore' });
require('reflect-metadata');

const dist = (lib) => require(path.join(root, 'dist/libs', lib, 'src/index.js'));
const { ServiceConfig, loadConfig } = dist('config');
const { CompanyRegistered, createEnvelope } = dist('contracts');
const { DatabaseModule, ensureDatabase } = dist('database');
const { PlatformModule, createServiceApp, startServiceApp } = dist('http');
const { MessagingModule, messagingMigrations, OutboxService, HandlesIntegrationEventBatch, streamNamePrefix } = dist('messaging');
const { Controller, Module } = require('@nestjs/common');
const { DataSource } = require('typeorm');
const { connect, nanos } = require('@nats-io/transport-node');
const { AckPolicy, jetstream, jetstreamManager, StorageType } = require('@nats-io/jetstream');

const suffix = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
const PREFIX = `bench-${suffix}`;
const DATABASE = `globac_bench_${suffix}`;

// --- the service under test: a batch handler writing one effect row per event --------------------

class BenchEffects1795673095000 {
  name = 'BenchEffects1795673095000';
  async up(runner) {
    await runner.query(`CREATE TABLE bench_effects (
      event_id uuid NOT NULL, run text NOT NULL, occurred_on timestamptz NOT NULL,
      handled_at timestamptz NOT NULL DEFAULT clock_timestamp())`);
  }
  async down(runner) {
    await runner.query('DROP TABLE bench_effects');
  }
}

class BenchHandler {
  handled = 0;
  async onRegistered(events, manager) {
    await manager.query(
      `INSERT INTO bench_effects (event_id, run, occurred_on)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::timestamptz[])`,
      [events.map((e) => e.id), events.map((e) => e.data.name.split(':')[0]), events.map((e) => e.occurredOn)],
    );
  }
}
Controller()(BenchHandler);
HandlesIntegrationEventBatch(CompanyRegistered)(
  BenchHandler.prototype,
  'onRegistered',
  Object.getOwnPropertyDescriptor(BenchHandler.prototype, 'onRegistered'),
);

function benchModule(config) {
  class BenchModule {}
  Module({
    imports: [
      PlatformModule.forService(ServiceConfig, config),
      DatabaseModule.forService({ entities: [], migrations: [...messagingMigrations, BenchEffects1795673095000] }),
      MessagingModule.forService({ service: 'bench' }),
    ],
    controllers: [BenchHandler],
  })(BenchModule);
  return BenchModule;
}

const company = (name) => ({
  companyId: randomUUID(),
  orgNumber: '556036-0793',
  name,
  municipality: 'Skellefteå',
  sizeClass: 'small',
  sniCode: '16.100',
  registeredAt: new Date().toISOString(),
  revision: 1,
});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const fmt = (n) => Math.round(n).toLocaleString('en');

// --- raw JetStream: the same envelopes, published (msgID, 500 in flight) and pull-consumed with acks --

async function rawRound(nc, round) {
  const jsm = await jetstreamManager(nc);
  const js = jetstream(nc);
  const stream = `${streamNamePrefix(PREFIX)}_RAW${round}`;
  const subject = `${PREFIX}.raw${round}.company.registered.v1`;
  await jsm.streams.add({ name: stream, subjects: [subject], storage: StorageType.File, duplicate_window: nanos(120_000) });
  await jsm.consumers.add(stream, { durable_name: 'raw', ack_policy: AckPolicy.Explicit, max_ack_pending: 1000 });
  const payloads = Array.from({ length: N }, (_, i) => {
    const envelope = createEnvelope(CompanyRegistered, company(`raw:${i}`), { source: 'bench' });
    return { id: envelope.id, body: JSON.stringify(envelope) };
  });
  const consumer = await js.consumers.get(stream, 'raw');
  const messages = await consumer.consume({ max_messages: 100 });
  const started = performance.now();
  const consumed = (async () => {
    let n = 0;
    for await (const m of messages) {
      m.ack();
      if (++n === N) break;
    }
    return performance.now();
  })();
  let next = 0;
  await Promise.all(
    Array.from({ length: RAW_IN_FLIGHT }, async () => {
      while (next < N) {
        const { id, body } = payloads[next++];
        await js.publish(subject, body, { msgID: id });
      }
    }),
  );
  const published = performance.now();
  const ended = await consumed;
  await jsm.streams.delete(stream);
  return { rate: (N / (ended - started)) * 1000, publishRate: (N / (published - started)) * 1000, bytes: payloads[0].body.length };
}

// --- the full path -----------------------------------------------------------------------------

async function handledCount(dataSource, run) {
  const [row] = await dataSource.query('SELECT count(*)::int AS n FROM bench_effects WHERE run = $1', [run]);
  return row.n;
}

async function fullRound(app, round) {
  const dataSource = app.get(DataSource);
  const outbox = app.get(OutboxService);
  const run = `full${round}`;
  const started = performance.now();
  let written = 0;
  await Promise.all(
    Array.from({ length: WRITERS }, async () => {
      while (written < N) {
        const from = written;
        written += TX_SIZE;
        const size = Math.min(TX_SIZE, N - from);
        await dataSource.transaction((manager) =>
          outbox.addMany(
            manager,
            CompanyRegistered,
            Array.from({ length: size }, (_, i) => ({ data: company(`${run}:${from + i}`) })),
          ),
        );
      }
    }),
  );
  const inserted = performance.now();
  while ((await handledCount(dataSource, run)) < N) await sleep(20);
  const ended = performance.now();
  return { rate: (N / (ended - started)) * 1000, insertRate: (N / (inserted - started)) * 1000 };
}

/** CPU use between two snapshots: the whole machine's (all cores, %) and this process's (% of one core). */
function cpuSnapshot() {
  const cores = os.cpus().map((c) => c.times);
  return {
    busy: cores.reduce((sum, t) => sum + t.user + t.nice + t.sys + t.irq, 0),
    all: cores.reduce((sum, t) => sum + t.user + t.nice + t.sys + t.irq + t.idle, 0),
    own: process.cpuUsage(),
    at: performance.now(),
  };
}
function cpuSince(start) {
  const end = cpuSnapshot();
  const own = process.cpuUsage(start.own);
  return {
    machine: (100 * (end.busy - start.busy)) / (end.all - start.all),
    process: (100 * (own.user + own.system)) / 1000 / (end.at - start.at),
  };
}

/** How many single-event transactions per second the whole path takes, written as fast as CAPACITY_WRITERS writers can. */
async function capacityRun(app) {
  const dataSource = app.get(DataSource);
  const outbox = app.get(OutboxService);
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CAPACITY_WRITERS }, async () => {
      while (next < CAPACITY_EVENTS) {
        const i = next++;
        await dataSource.transaction((manager) => outbox.add(manager, CompanyRegistered, company(`capacity:${i}`)));
      }
    }),
  );
  while ((await handledCount(dataSource, 'capacity')) < CAPACITY_EVENTS) await sleep(20);
  return (CAPACITY_EVENTS / (performance.now() - started)) * 1000;
}

async function pacedRun(app, rate) {
  const PACED_RATE = rate;
  const dataSource = app.get(DataSource);
  const cpu = cpuSnapshot();
  const outbox = app.get(OutboxService);
  const total = Math.round(PACED_RATE * PACED_SECONDS);
  const started = performance.now();
  let issued = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const pending = [];
  // Every 10 ms, the events now due, each in its own transaction (one business write, one event).
  while (issued < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * PACED_RATE));
    for (; issued < due; issued++) {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const i = issued;
      pending.push(
        dataSource
          .transaction((manager) => outbox.add(manager, CompanyRegistered, company(`paced:${i}`)))
          .finally(() => inFlight--),
      );
    }
    await sleep(10);
  }
  await Promise.all(pending);
  const insertSeconds = (performance.now() - started) / 1000;
  while ((await handledCount(dataSource, 'paced')) < total) await sleep(50);
  const usage = cpuSince(cpu);
  // End to end, and the relay's part of it (to the outbox row's published_at).
  const [row] = await dataSource.query(
    `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY e2e) AS p50, percentile_cont(0.99) WITHIN GROUP (ORDER BY e2e) AS p99, max(e2e) AS max,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY relay) AS relay_p50, percentile_cont(0.99) WITHIN GROUP (ORDER BY relay) AS relay_p99
       FROM (SELECT extract(epoch FROM e.handled_at - e.occurred_on) * 1000 AS e2e, extract(epoch FROM o.published_at - e.occurred_on) * 1000 AS relay
               FROM bench_effects e JOIN outbox o ON o.id = e.event_id WHERE e.run = 'paced') l`,
  );
  return {
    total,
    rate,
    achieved: total / insertSeconds,
    maxInFlight,
    p50: Number(row.p50),
    p99: Number(row.p99),
    max: Number(row.max),
    relayP50: Number(row.relay_p50),
    relayP99: Number(row.relay_p99),
    usage,
  };
}

// --- run ---------------------------------------------------------------------------------------

async function cleanup(nc) {
  const jsm = await jetstreamManager(nc);
  // By name: the raw-JetStream streams of this bench hold subjects outside the prefix.
  for await (const name of jsm.streams.names()) if (name.startsWith(`${streamNamePrefix(PREFIX)}_`)) await jsm.streams.delete(name);
  await dropDatabase(DATABASE);
}

async function main() {
  const config = loadConfig(ServiceConfig, {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    POSTGRES_URL,
    NATS_URL,
    DATABASE_NAME: DATABASE,
    DATABASE_POOL_SIZE: '20',
    NATS_SUBJECT_PREFIX: PREFIX,
    NATS_STREAM_STORAGE: 'file',
  });
  await ensureDatabase(POSTGRES_URL, DATABASE);
  const nc = await connect({ servers: NATS_URL });
  const app = await createServiceApp(benchModule(config), { service: 'bench', config });
  await startServiceApp(app, { port: 0, host: '127.0.0.1' });
  const raws = [];
  const fulls = [];
  let paced;
  let capacity;
  const load = os.loadavg();
  try {
    // Wait until the consumer runs: one event through the whole path.
    await app.get(DataSource).transaction((m) => app.get(OutboxService).add(m, CompanyRegistered, company('warmup:0')));
    while ((await handledCount(app.get(DataSource), 'warmup')) < 1) await sleep(20);

    for (let round = 1; round <= ROUNDS; round++) {
      raws.push(await rawRound(nc, round));
      fulls.push(await fullRound(app, round));
      process.stdout.write(
        `round ${round}: raw JetStream ${fmt(raws.at(-1).rate)} msg/s, outbox→inbox ${fmt(fulls.at(-1).rate)} events/s ` +
          `(inserts ${fmt(fulls.at(-1).insertRate)}/s)\n`,
      );
    }
    capacity = await capacityRun(app);
    process.stdout.write(`single-event transactions through the whole path: ${fmt(capacity)} events/s (${CAPACITY_WRITERS} writers)\n`);
    paced = await pacedRun(app, Math.max(1, Math.floor(capacity * PACED_SHARE)));
    process.stdout.write(
      `paced at ${fmt(paced.rate)}/s, achieved ${fmt(paced.achieved)} events/s: p50 ${paced.p50.toFixed(1)} ms, p99 ${paced.p99.toFixed(1)} ms, max ${paced.max.toFixed(1)} ms ` +
        `(to published: p50 ${paced.relayP50.toFixed(1)} ms, p99 ${paced.relayP99.toFixed(1)} ms); ` +
        `CPU: machine ${paced.usage.machine.toFixed(0)} %, this process ${paced.usage.process.toFixed(0)} % of a core\n`,
    );
  } finally {
    await app.close();
    await cleanup(nc);
    await nc.close();
  }

  if (!ROUNDS) return; // BENCH_ROUNDS=0: the paced run only, for diagnosis; nothing written
  const raw = median(raws.map((r) => r.rate));
  const full = median(fulls.map((r) => r.rate));
  // The median of each round's ratio (raw and full path run back to back), as bench:http does: a shared
  // machine's speed drifts between rounds, and a ratio of medians taken from different rounds mixes it in.
  const ratios = fulls.map((f, i) => f.rate / raws[i].rate);
  const ratio = median(ratios);
  const ratioOfMedians = full / raw;
  process.stdout.write(
    `ratio: ${(ratio * 100).toFixed(1)} % of raw JetStream (median of the rounds' ratios ${ratios.map((r) => (r * 100).toFixed(1)).join(', ')}; ` +
      `ratio of the medians ${(ratioOfMedians * 100).toFixed(1)} %; aim: at least 35 %)\n`,
  );
  writeSection(
    'bench:events',
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine()}.
Command: \`npm run bench:events\` (${fmt(N)} events per round, ${ROUNDS} alternating rounds, medians; one process for the
service under test, a service app whose consumers run as the Nest microservice transport; Postgres and NATS ${NATS_URL.replace('nats://', '')} on the same
machine; file storage; envelope ${raws[0].bytes} bytes). Load average when it started: ${load.map((l) => l.toFixed(1)).join(', ')} (1, 5, 15 min).

| path | events/s (median) | each round |
| --- | ---: | --- |
| raw JetStream: publish with \`Nats-Msg-Id\` (${RAW_IN_FLIGHT} in flight) and pull-consume with acks, pipelined (baseline) | ${fmt(raw)} | ${raws.map((r) => fmt(r.rate)).join(', ')} |
| outbox insert (transactions of ${TX_SIZE}, ${WRITERS} writers) → relay → JetStream → consumer → inbox + effect | ${fmt(full)} | ${fulls.map((r) => fmt(r.rate)).join(', ')} |

**Ratio: ${(ratio * 100).toFixed(1)} %** of the raw JetStream rate with the database in the loop (aim: at least 35 %): the median of
the rounds' ratios (${ratios.map((r) => `${(r * 100).toFixed(1)} %`).join(', ')}; each round runs both paths back to back); the ratio of the
two medians above is ${(ratioOfMedians * 100).toFixed(1)} %.
Raw publish alone: ${fmt(median(raws.map((r) => r.publishRate)))} msg/s; outbox inserts alone: ${fmt(median(fulls.map((r) => r.insertRate)))} events/s.

Capacity for single-event transactions (one business write and its event per transaction, ${CAPACITY_WRITERS} writers as fast as
they can, ${fmt(CAPACITY_EVENTS)} events, to handled): **${fmt(capacity)} events/s**. Latency paced at half of it,
**${fmt(paced.rate)} events/s** for ${PACED_SECONDS} s (${fmt(paced.total)} events, each written in its own
transaction; achieved ${fmt(paced.achieved)}/s, at most ${paced.maxInFlight} writes in flight), from the event's
\`occurredOn\` (set as it is written to the outbox) to the handler's insert of its effect (just before the commit):
**p50 ${paced.p50.toFixed(1)} ms, p99 ${paced.p99.toFixed(1)} ms** (max ${paced.max.toFixed(1)} ms; aim: p99 below 100 ms).
Of that, to the relay's marking the outbox row published: p50 ${paced.relayP50.toFixed(1)} ms, p99 ${paced.relayP99.toFixed(1)} ms.
CPU during the paced run: ${paced.usage.machine.toFixed(0)} % of the machine (all cores, everything running on it), ${paced.usage.process.toFixed(0)} % of one
core for the bench process (its writers, the relay and the consumer). On 2 cores the latency depends on the
headroom left; pacing at half the measured capacity keeps the run a measure of latency, not of a queue,
but compare the machine figure and the load average before comparing runs.`,
  );
}

main().catch((error) => {
  process.stderr.write(`bench:events failed: ${error.stack ?? error}\n`);
  process.exit(1);
});
