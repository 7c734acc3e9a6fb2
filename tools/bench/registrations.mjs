// `npm run bench:registrations`: registrations per second and latency for ONE popular event under
// concurrent load, on the real events service (built to dist/, its own process, its own database and
// NATS subject prefix). Every registration takes the event's row lock, so this is the per-event limit;
// registrations for different events do not wait for each other.
//
// Two kinds of event: a large capacity (every registration gets a seat) and a small one (50 seats, the
// rest go to the waitlist). In the same run, as a baseline, GET /api/events/:id on the same service
// (token, guard, one primary-key read): what the service does without the write and its lock.
// Rounds alternate between the three, so that a busy moment of a shared machine hits all alike; the
// figures are the medians. After each round the stored seats are checked against what was answered.
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import pg from 'pg';
import { buildAndToken, deleteStreams, dropDatabase, POSTGRES_URL, serviceEntry, startProcess, stopProcess } from './harness.mjs';
import { machine, median, writeSection } from './report.mjs';

const REGISTRATIONS = Number(process.env.BENCH_REGISTRATIONS ?? 3000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SMALL_CAPACITY = 50;
const COMPANIES = 50;
const PORT = 3905;
const suffix = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
const DATABASE = `globac_bench_events_${suffix}`;
const PREFIX = `bench-${suffix}`;
const BASE = `http://127.0.0.1:${PORT}`;

// The rate is timed here, from the start to the last answer: autocannon's own average is of whole-second
// samples, and with `amount` it ends on a whole-second tick, both of which skew a run of a few seconds.
function timed(options) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let last = started;
    const instance = autocannon(options, (error, result) =>
      error ? reject(error) : resolve({ ...result, rate: result.requests.total / ((last - started) / 1000) }),
    );
    instance.on('response', () => {
      last = performance.now();
    });
  });
}
const fmt = (n) => Math.round(n).toLocaleString('en');

function startService() {
  return startProcess(
    serviceEntry('events'),
    {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATABASE_NAME: DATABASE,
      NATS_SUBJECT_PREFIX: PREFIX,
      // One client sends every request here; the per-client limit would measure the limiter instead.
      RATE_LIMIT_MAX: '100000000',
    },
    `${BASE}/health/ready`,
  );
}

async function api(method, url, token, body) {
  const res = await fetch(`${BASE}${url}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

const inAMonth = () => new Date(Date.now() + 30 * 86_400_000);
const newEvent = (token, capacity) =>
  api('POST', '/api/events', token, {
    kind: 'seminar',
    title: 'A popular seminar',
    topic: 'market-entry',
    startsAt: inAMonth().toISOString(),
    endsAt: new Date(inAMonth().getTime() + 3 * 3_600_000).toISOString(),
    location: { city: 'Umeå', country: 'SE' },
    capacity,
    financiers: ['eu'],
  });

/** REGISTRATIONS POSTs, CONNECTIONS at a time, each a distinct participant of one of the companies. */
async function registrationRound(token, companies, capacity, round) {
  const event = await newEvent(token, capacity);
  let n = 0;
  const result = await timed({
    url: `${BASE}/api/events/${event.id}/registrations`,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    connections: CONNECTIONS,
    amount: REGISTRATIONS,
    requests: [
      {
        method: 'POST',
        // Called for every request: each registers another person.
        setupRequest: (request) => {
          const i = n++;
          return {
            ...request,
            body: JSON.stringify({
              companyId: companies[i % companies.length],
              participant: { name: `Participant ${i}`, email: `r${round}-p${i}@bench.example`, gender: i % 2 ? 'woman' : 'man' },
            }),
          };
        },
      },
    ],
  });
  if (result.non2xx || result.errors || result.timeouts) {
    throw new Error(`registrations: ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.timeouts} timeouts`);
  }
  // What the service stored must be exact: seats up to the capacity, everyone else waitlisted in order.
  const seated = Math.min(capacity, REGISTRATIONS);
  const read = await api('GET', `/api/events/${event.id}`, token);
  if (read.seats.registered !== seated || read.seats.waitlisted !== REGISTRATIONS - seated) {
    throw new Error(`seats wrong after the round: ${JSON.stringify(read.seats)}, expected ${seated} registered`);
  }
  return { rps: result.rate, p50: result.latency.p50, p99: result.latency.p99 };
}

async function readRound(token, eventId) {
  const result = await timed({
    url: `${BASE}/api/events/${eventId}`,
    headers: { authorization: `Bearer ${token}` },
    connections: CONNECTIONS,
    amount: REGISTRATIONS * 3,
  });
  if (result.non2xx || result.errors) throw new Error(`reads: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { rps: result.rate, p50: result.latency.p50, p99: result.latency.p99 };
}

async function cleanup() {
  await dropDatabase(DATABASE);
  await deleteStreams(PREFIX);
}

/** The companies the registrations are for, as their CompanyRegistered events would have put them in the copy. */
async function seedCompanies() {
  const client = new pg.Client({ connectionString: `${POSTGRES_URL}/${DATABASE}` });
  await client.connect();
  const ids = Array.from({ length: COMPANIES }, () => randomUUID());
  await client.query(
    `INSERT INTO company_copy (id, org_number, name, municipality, size_class, revision)
     SELECT id, NULL, 'Bench company ' || left(id::text, 8), 'Umeå', 'small', 1 FROM unnest($1::uuid[]) AS id`,
    [ids],
  );
  await client.end();
  return ids;
}

async function main() {
  process.stdout.write('building...\n');
  const token = buildAndToken('staff');
  const service = await startService();
  const large = [];
  const small = [];
  const reads = [];
  try {
    const companies = await seedCompanies();
    // Warm-up: JIT, pools, token cache, the outbox relay.
    await registrationRound(token, companies, 200, 0);
    const readTarget = await newEvent(token, 10);
    for (let round = 1; round <= ROUNDS; round++) {
      large.push(await registrationRound(token, companies, REGISTRATIONS, round));
      small.push(await registrationRound(token, companies, SMALL_CAPACITY, round + ROUNDS));
      reads.push(await readRound(token, readTarget.id));
      process.stdout.write(
        `round ${round}: large capacity ${fmt(large.at(-1).rps)} reg/s (p99 ${large.at(-1).p99} ms), ` +
          `small capacity ${fmt(small.at(-1).rps)} reg/s (p99 ${small.at(-1).p99} ms), reads ${fmt(reads.at(-1).rps)} req/s\n`,
      );
    }
  } finally {
    await stopProcess(service);
    await cleanup();
  }

  const summary = (rounds) => ({
    rps: median(rounds.map((r) => r.rps)),
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    all: rounds.map((r) => fmt(r.rps)).join(', '),
  });
  const row = (name, s) => `| ${name} | ${fmt(s.rps)} | ${s.all} | ${s.p50} | ${s.p99} |`;
  const [l, s, r] = [summary(large), summary(small), summary(reads)];
  writeSection(
    'bench:registrations',
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine()}.
Command: \`npm run bench:registrations\` (autocannon, ${CONNECTIONS} connections, ${fmt(REGISTRATIONS)} registrations of distinct
participants per round, all for **one** event; ${ROUNDS} alternating rounds after a warm-up, medians; the events service in its own
process with its default pool of 10 connections; Postgres and NATS on the same machine).

| load | requests/s (median) | each round | p50 ms | p99 ms |
| --- | ---: | --- | ---: | ---: |
${row(`registrations, large capacity (all ${fmt(REGISTRATIONS)} seated)`, l)}
${row(`registrations, capacity ${SMALL_CAPACITY} (${fmt(REGISTRATIONS - SMALL_CAPACITY)} waitlisted)`, s)}
${row('baseline: `GET /api/events/:id` on the same service', r)}

Every round ended with exactly the seats and waitlist places answered (checked against the event's
counters). A registration is one transaction: the event's row lock (\`SELECT … FOR NO KEY UPDATE\`),
the registration insert, the counters, the \`ParticipantRegistered\` outbox row; so registrations for one
event are serialized in the database and this is the rate of one popular event. Registrations for
different events take different locks and run side by side. The latency is mostly waiting for that lock:
${CONNECTIONS} registrations in flight at ${fmt(l.rps)}/s wait about ${fmt((CONNECTIONS / l.rps) * 1000)} ms each (Little's law).`,
  );
}

main().catch((error) => {
  process.stderr.write(`bench:registrations failed: ${error.stack ?? error}\n`);
  process.exit(1);
});
