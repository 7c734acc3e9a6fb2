// `npm run bench:trips`: the rate of applications to ONE trip and of meeting outcomes on the real trips
// service (built to dist/, its own process, its own database and NATS subject prefix), against the same
// service's `GET /api/trips/:id` in the same run as the baseline.
//
// An application takes the trip's row lock (applications of one trip are serialized, like seats of an
// event); an outcome locks only its meeting and writes a PartnerMeetingHeld to the outbox. Each outcome
// round changes every meeting's outcome, so every request publishes (a correction after the first round).
// Rounds alternate between the three loads, so that a busy moment of a shared machine hits all alike;
// the figures are the medians. After each round what was stored is checked against what was answered.
import { randomBytes, randomUUID } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import pg from 'pg';
import { buildAndToken, deleteStreams, dropDatabase, POSTGRES_URL, serviceEntry, startProcess, stopProcess } from './harness.mjs';
import { machine, median, writeSection } from './report.mjs';

const APPLICATIONS = Number(process.env.BENCH_APPLICATIONS ?? 2000);
const OUTCOMES = Number(process.env.BENCH_OUTCOMES ?? 2000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PORT = 3906;
const suffix = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
const DATABASE = `globac_bench_trips_${suffix}`;
const PREFIX = `bench-${suffix}`;
const BASE = `http://127.0.0.1:${PORT}`;
const OUTCOME_OF_ROUND = ['follow-up', 'agreement', 'offer-requested', 'no-interest'];

// The rate is timed here, from the start to the last answer (as in bench:registrations).
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
const day = (days) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

function startService() {
  return startProcess(
    serviceEntry('trips'),
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
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** A trip open for applications, without a capacity. */
async function openTrip(token) {
  const trip = await api('POST', '/api/trips', token, {
    title: 'Delegation to Poznań',
    purpose: 'B2B meetings',
    destinations: [{ country: 'PL', targetRegion: 'poznan' }],
    startsOn: day(30),
    endsOn: day(33),
    financiers: ['eu'],
    subsidyPerCompanySek: 15000,
  });
  return api('POST', `/api/trips/${trip.id}/open`, token);
}

async function sql(text, params) {
  const client = new pg.Client({ connectionString: `${POSTGRES_URL}/${DATABASE}` });
  await client.connect();
  try {
    return (await client.query(text, params)).rows;
  } finally {
    await client.end();
  }
}

/** Companies as their CompanyRegistered events would have put them in the copy. */
async function seedCompanies(count) {
  const ids = Array.from({ length: count }, () => randomUUID());
  await sql(
    `INSERT INTO company_copy (id, org_number, name, municipality, size_class, revision)
     SELECT id, NULL, 'Bench company ' || left(id::text, 8), 'Umeå', 'small', 1 FROM unnest($1::uuid[]) AS id`,
    [ids],
  );
  return ids;
}

/** APPLICATIONS POSTs to one new trip, CONNECTIONS at a time, each by another company. */
async function applicationRound(token, companies) {
  const trip = await openTrip(token);
  let n = 0;
  const result = await timed({
    url: `${BASE}/api/trips/${trip.id}/participants`,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    connections: CONNECTIONS,
    amount: APPLICATIONS,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const i = n++;
          return { ...request, body: JSON.stringify({ companyId: companies[i], travellers: [{ name: `Traveller ${i}`, email: `t${i}@bench.example`, gender: 'woman' }] }) };
        },
      },
    ],
  });
  if (result.non2xx || result.errors || result.timeouts) {
    throw new Error(`applications: ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.timeouts} timeouts`);
  }
  const [{ n: stored }] = await sql("SELECT count(*)::int AS n FROM trip_participant WHERE trip_id = $1 AND status = 'applied'", [trip.id]);
  if (stored !== APPLICATIONS) throw new Error(`${stored} applications stored, ${APPLICATIONS} answered`);
  return { rps: result.rate, p50: result.latency.p50, p99: result.latency.p99 };
}

/** A trip under way with OUTCOMES meetings of accepted companies, given by name, held an hour ago (set up in SQL: only outcomes are timed). */
async function tripWithMeetings(token, companies) {
  const trip = await openTrip(token);
  await sql(
    `WITH p AS (
       INSERT INTO trip_participant (trip_id, company_id, status, applied_by, decided_at, decided_by)
       SELECT $1, id, 'accepted', 'bench', now(), 'bench' FROM unnest($2::uuid[]) AS id RETURNING id, company_id)
     INSERT INTO partner_meeting (trip_id, participant_id, company_id, partner_name, partner_country, partner_target_region, held_at, created_by)
     SELECT $1, p.id, p.company_id, 'Partner ' || g, 'PL', 'poznan', now() - interval '1 hour', 'bench'
       FROM p, generate_series(1, $3::int) AS g`,
    [trip.id, companies, OUTCOMES / companies.length],
  );
  await sql('UPDATE trip SET accepted_count = $2, starts_on = current_date - 1, ends_on = current_date + 2, application_closes_on = NULL WHERE id = $1', [trip.id, companies.length]);
  const meetings = (await sql('SELECT id FROM partner_meeting WHERE trip_id = $1 ORDER BY id', [trip.id])).map((r) => r.id);
  return { trip, meetings };
}

/** One PUT …/outcome per meeting, each a change (so each publishes PartnerMeetingHeld). */
async function outcomeRound(token, { trip, meetings }, round) {
  const outcome = OUTCOME_OF_ROUND[round % OUTCOME_OF_ROUND.length];
  let n = 0;
  const result = await timed({
    url: `${BASE}/api/trips/${trip.id}/meetings`,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    connections: CONNECTIONS,
    amount: meetings.length,
    requests: [
      {
        method: 'PUT',
        setupRequest: (request) => ({ ...request, path: `/api/trips/${trip.id}/meetings/${meetings[n++]}/outcome`, body: JSON.stringify({ outcome }) }),
      },
    ],
  });
  if (result.non2xx || result.errors || result.timeouts) {
    throw new Error(`outcomes: ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.timeouts} timeouts`);
  }
  const [{ n: stored }] = await sql('SELECT count(*)::int AS n FROM partner_meeting WHERE trip_id = $1 AND outcome = $2 AND outcome_revision = $3', [trip.id, outcome, round + 1]);
  if (stored !== meetings.length) throw new Error(`${stored} outcomes '${outcome}' at revision ${round + 1} stored, ${meetings.length} answered`);
  return { rps: result.rate, p50: result.latency.p50, p99: result.latency.p99 };
}

async function readRound(token, tripId) {
  const result = await timed({
    url: `${BASE}/api/trips/${tripId}`,
    headers: { authorization: `Bearer ${token}` },
    connections: CONNECTIONS,
    amount: APPLICATIONS * 3,
  });
  if (result.non2xx || result.errors) throw new Error(`reads: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { rps: result.rate, p50: result.latency.p50, p99: result.latency.p99 };
}

async function main() {
  process.stdout.write('building...\n');
  const token = buildAndToken('staff');
  // The machine may be shared: its load is reported beside the figures.
  const loadBefore = os.loadavg()[0];
  const service = await startService();
  const applications = [];
  const outcomes = [];
  const reads = [];
  try {
    const companies = await seedCompanies(APPLICATIONS);
    const meetingTrip = await tripWithMeetings(token, companies.slice(0, 50));
    // Warm-up: JIT, pools, token cache, the outbox relay.
    await applicationRound(token, companies);
    await outcomeRound(token, meetingTrip, 0);
    for (let round = 1; round <= ROUNDS; round++) {
      applications.push(await applicationRound(token, companies));
      outcomes.push(await outcomeRound(token, meetingTrip, round));
      reads.push(await readRound(token, meetingTrip.trip.id));
      process.stdout.write(
        `round ${round}: applications ${fmt(applications.at(-1).rps)}/s (p99 ${applications.at(-1).p99} ms), ` +
          `outcomes ${fmt(outcomes.at(-1).rps)}/s (p99 ${outcomes.at(-1).p99} ms), reads ${fmt(reads.at(-1).rps)} req/s\n`,
      );
    }
  } finally {
    await stopProcess(service);
    await dropDatabase(DATABASE);
    await deleteStreams(PREFIX);
  }

  const summary = (rounds) => ({
    rps: median(rounds.map((r) => r.rps)),
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    all: rounds.map((r) => fmt(r.rps)).join(', '),
  });
  const row = (name, s) => `| ${name} | ${fmt(s.rps)} | ${s.all} | ${s.p50} | ${s.p99} |`;
  const [a, o, r] = [summary(applications), summary(outcomes), summary(reads)];
  const load = `Load average (1 min) ${loadBefore.toFixed(1)} at the start and ${os.loadavg()[0].toFixed(1)} at the end, on ${os.cpus().length} cores.`;
  const note = `\n\n${load}${process.env.BENCH_NOTE ? ` ${process.env.BENCH_NOTE}` : ''}`;
  writeSection(
    'bench:trips',
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine()}.
Command: \`npm run bench:trips\` (autocannon, ${CONNECTIONS} connections; per round ${fmt(APPLICATIONS)} applications of distinct
companies to **one** new trip, and ${fmt(OUTCOMES)} changed outcomes of meetings of one trip; ${ROUNDS} alternating rounds after a
warm-up, medians; the trips service in its own process with its default pool of 10 connections; Postgres and NATS on the same
machine).${note}

| load | requests/s (median) | each round | p50 ms | p99 ms |
| --- | ---: | --- | ---: | ---: |
${row(`applications to one trip (\`POST /api/trips/:id/participants\`)`, a)}
${row('meeting outcomes (`PUT /api/trips/:id/meetings/:mid/outcome`, each publishing `PartnerMeetingHeld`)', o)}
${row('baseline: `GET /api/trips/:id` on the same service', r)}

Every round ended with exactly the applications and outcomes answered stored (checked in the database).
An application is one transaction holding the trip's row lock (\`SELECT … FOR NO KEY UPDATE\`): the
duplicate check, the participation and its travellers; applications to one trip are serialized, those to
different trips are not. An outcome locks only its meeting's row and writes the meeting and the
\`PartnerMeetingHeld\` outbox row in one transaction, so outcomes run side by side.`,
  );
}

main().catch((error) => {
  process.stderr.write(`bench:trips failed: ${error.stack ?? error}\n`);
  process.exit(1);
});
