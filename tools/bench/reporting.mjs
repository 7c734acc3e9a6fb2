// bench:reporting — the reporting service with 50,000 companies and 1,000,000 attended participations
// in its read models: the one-year indicators and the companies list's first page (latency over
// sequential requests), the projection's ingest rate through NATS beside a raw JetStream consume of
// the same messages in the same run, and the delay from an attendance published to its figure.
// Writes the `## bench:reporting` section of docs/benchmarks.md. Needs the Postgres and NATS the
// services use (POSTGRES_URL, NATS_URL).
//
// The query part loads the read-model tables directly (INSERT ... SELECT FROM generate_series, in the
// database), which is what a year of events leaves there; the ingest part goes through the real path.
import { randomBytes, randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { buildAndToken, deleteStreams, dropDatabase, NATS_URL, POSTGRES_URL, serviceEntry, startProcess, stopProcess } from './harness.mjs';
import { machine, root, writeSection } from './report.mjs';

const require = createRequire(import.meta.url);
const pg = require('pg');
const { connect } = require('@nats-io/transport-node');
const { AckPolicy, jetstream, jetstreamManager, DeliverPolicy } = require('@nats-io/jetstream');

const COMPANIES = Number(process.env.BENCH_COMPANIES || 50_000);
const PARTICIPATIONS = Number(process.env.BENCH_PARTICIPATIONS || 1_000_000);
const YEARS = [2022, 2023, 2024, 2025, 2026]; // the participations are spread over these (a programme period)
const QUERY_RUNS = Number(process.env.BENCH_QUERY_RUNS || 50);
const ONLY_SEED = Boolean(process.env.BENCH_ONLY_SEED); // seed, keep the database, stop (for query plans)
const INGEST_EVENTS = Number(process.env.BENCH_INGEST_EVENTS || 20_000);
const LATENCY_SAMPLES = Number(process.env.BENCH_LATENCY_SAMPLES || 50);
const PORT = 3904;

const suffix = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
const PREFIX = `bench-${suffix}`;
const DATABASE = `globac_bench_reporting_${suffix}`;
const streamName = (producer) => `${PREFIX.toUpperCase().replace(/[^A-Z0-9_]/g, '_')}_${producer.toUpperCase()}`;

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const ms = (x) => `${x.toFixed(1)} ms`;
const n = (x) => Math.round(x).toLocaleString('en');

async function seed(db) {
  const started = performance.now();
  const munis = `ARRAY['Bjurholm','Dorotea','Lycksele','Malå','Nordmaling','Norsjö','Robertsfors','Skellefteå','Sorsele','Storuman','Umeå','Vilhelmina','Vindeln','Vännäs','Åsele']`;
  await db.query(`
    INSERT INTO company (id, org_number, name, size_class, sni_code, county, registered_at, revision)
    SELECT md5('c' || i)::uuid, '556' || lpad(i::text, 3, '0') || '-' || lpad((i % 10000)::text, 4, '0'), 'Företag ' || i || ' AB',
           (ARRAY['micro','small','medium','large'])[1 + i % 4], '16.100', 'Västerbotten', '2020-01-01', 1
      FROM generate_series(1, ${COMPANIES}) i`);
  // Every company's seat; one in ten moved on 1 June 2024; one in twenty is outside the county.
  await db.query(`
    INSERT INTO company_municipality (company_id, revision, effective_from, municipality, county)
    SELECT md5('c' || i)::uuid, 1, '2020-01-01', CASE WHEN i % 20 = 0 THEN NULL ELSE (${munis})[1 + i % 15] END, 'Västerbotten'
      FROM generate_series(1, ${COMPANIES}) i`);
  await db.query(`
    INSERT INTO company_municipality (company_id, revision, effective_from, municipality, county)
    SELECT md5('c' || i)::uuid, 2, '2024-06-01', (${munis})[1 + (i + 7) % 15], 'Västerbotten'
      FROM generate_series(1, ${COMPANIES}, 10) i`);
  await db.query(`
    UPDATE company_municipality m SET span_from = s.span_from, span_to = s.span_to
      FROM (SELECT company_id, revision,
                   CASE WHEN row_number() OVER w = 1 THEN '-infinity'::timestamptz ELSE effective_from END AS span_from,
                   COALESCE(lead(effective_from) OVER w, 'infinity'::timestamptz) AS span_to
              FROM company_municipality WINDOW w AS (PARTITION BY company_id ORDER BY effective_from, revision)) s
     WHERE m.company_id = s.company_id AND m.revision = s.revision`);
  // 500 merges (duplicates of companies 1..500, themselves companies 49,501..50,000).
  await db.query(`
    INSERT INTO company_merge (merged_id, surviving_id, survivor_id, merged_at)
    SELECT md5('c' || (${COMPANIES} - i))::uuid, md5('c' || (i + 1))::uuid, md5('c' || (i + 1))::uuid, '2025-01-01' FROM generate_series(0, 499) i`);
  // 20,000 events of 50 participants each, spread evenly over the years; 1 % of them cancelled.
  const days = (Date.UTC(YEARS.at(-1), 11, 31) - Date.UTC(YEARS[0], 0, 1)) / 86_400_000 + 1;
  const events = Math.max(1, Math.round(PARTICIPATIONS / 50));
  await db.query(`
    INSERT INTO attendance_record (fact_id, registration_id, occurred_on, event_id, event_kind, topic, event_date, company_id, hours, gender,
                                   financier_ids, attended, current)
    SELECT md5('a' || i)::uuid, md5('r' || i)::uuid, now(), md5('e' || (i % ${events}))::uuid,
           (ARRAY['seminar','competence-meeting','country-briefing','trade-fair','export-ring-meeting','other'])[1 + (i % ${events}) % 6], 'legal',
           date '${YEARS[0]}-01-01' + (((i % ${events}) * ${days}) / ${events}),
           md5('c' || (1 + (i::bigint * 7919) % ${COMPANIES}))::uuid, 2.5, (ARRAY['woman','man','non-binary','undisclosed'])[1 + i % 4],
           CASE (i % ${events}) % 3 WHEN 0 THEN ARRAY['eu','region-vasterbotten'] WHEN 1 THEN ARRAY['eu'] ELSE ARRAY['region-vasterbotten','umea-kommun'] END, true, true
      FROM generate_series(1, ${PARTICIPATIONS}) i`);
  await db.query(`INSERT INTO cancelled_event (event_id, cancelled_at) SELECT md5('e' || i)::uuid, now() FROM generate_series(0, ${events - 1}, 100) i`);
  // 1,000 trips of 5 companies; export figures for every company and year; relationships, meetings, rings.
  await db.query(`
    INSERT INTO trip_completion (fact_id, trip_id, occurred_on, starts_on, ends_on, destination_countries, target_regions, financier_ids, completed_at, current)
    SELECT md5('tc' || i)::uuid, md5('t' || i)::uuid, now(), date '${YEARS[0]}-01-10' + (i * ${days - 20}) / 1000, date '${YEARS[0]}-01-14' + (i * ${days - 20}) / 1000,
           ARRAY['PL'], ARRAY['poznan'], ARRAY['eu'], now(), true
      FROM generate_series(1, 1000) i`);
  await db.query(`
    INSERT INTO trip_traveller (fact_id, company_id, days_abroad, subsidy_sek)
    SELECT md5('tc' || i)::uuid, md5('c' || (1 + (i * 37 + k * 9973) % ${COMPANIES}))::uuid, 5, 15000 FROM generate_series(1, 1000) i, generate_series(1, 5) k
    ON CONFLICT DO NOTHING`);
  await db.query(`
    INSERT INTO export_figures (company_id, year, revision, total_turnover_sek, export_turnover_sek, reported_at)
    SELECT md5('c' || i)::uuid, y, 1, 10000000, CASE WHEN (i + y) % 3 = 0 THEN 0 ELSE 100000 * (i % 17) END, now()
      FROM generate_series(1, ${COMPANIES}) i, generate_series(${YEARS[0] - 1}, ${YEARS.at(-1)}) y`);
  await db.query(`
    INSERT INTO relationship_change (fact_id, relationship_id, company_id, partner_id, partner_country, target_region, from_stage, to_stage, changed_at, cause)
    SELECT md5('rc' || i)::uuid, md5('rel' || i)::uuid, md5('c' || (1 + i % ${COMPANIES}))::uuid, md5('p' || i)::uuid,
           (ARRAY['PL','IT','CN','IN','FR'])[1 + i % 5], (ARRAY['poznan','novara','xian',NULL,NULL])[1 + i % 5], 'negotiation',
           (ARRAY['agreement','long-term','meeting'])[1 + i % 3], timestamptz '${YEARS[0]}-01-01' + (i % ${days}) * interval '1 day', 'manual'
      FROM generate_series(1, 20000) i`);
  await db.query(`
    INSERT INTO partner_meeting (meeting_id, trip_id, company_id, partner_id, partner_name, partner_country, held_at, outcome)
    SELECT md5('m' || i)::uuid, md5('t' || (1 + i % 1000))::uuid, md5('c' || (1 + i % ${COMPANIES}))::uuid, NULL, 'Partner ' || i, 'PL',
           timestamptz '${YEARS[0]}-01-12' + (i % ${days - 20}) * interval '1 day', (ARRAY['no-interest','follow-up','offer-requested','agreement'])[1 + i % 4]
      FROM generate_series(1, 10000) i`);
  await db.query(`
    INSERT INTO ring_membership (membership_id, ring_id, ring_kind, company_id, joined_on, left_on)
    SELECT md5('rm' || i)::uuid, md5('ring' || (i % 100))::uuid, 'export-ring', md5('c' || (1 + (i * 13) % ${COMPANIES}))::uuid,
           date '${YEARS[0]}-01-01' + (i % 1000), CASE WHEN i % 3 = 0 THEN date '${YEARS[0]}-01-01' + (i % 1000) + 400 END
      FROM generate_series(1, 5000) i`);
  // What the projections derive from those facts (every counted activity resolved to its survivor and
  // municipality, and the per-company yearly rollup), made by the service's own code: the function the
  // projections call after each batch, here over every fact at once (as the migration does for a
  // database that already holds facts).
  const { refreshCountedActivities } = require(path.join(root, 'dist/apps/reporting/src/read-models/counted-activities.js'));
  await refreshCountedActivities({ query: async (sql, params) => (await db.query(sql, params)).rows }, { all: true });
  await db.query('VACUUM ANALYZE');
  return performance.now() - started;
}

/** Sequential requests (after a warm-up): each one's latency, in ms. */
async function latencies(url, headers, runs) {
  for (let i = 0; i < 5; i++) await (await fetch(url, { headers })).arrayBuffer();
  const out = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const res = await fetch(url, { headers });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    out.push(performance.now() - started);
  }
  return out;
}

function attendance(i, companyId, eventDate) {
  return {
    id: randomUUID(),
    type: 'ParticipantAttended',
    version: 1,
    occurredOn: new Date().toISOString(),
    source: 'events',
    correlationId: `bench-${i}`,
    data: {
      registrationId: randomUUID(),
      eventId: randomUUID(),
      eventKind: 'seminar',
      topic: 'legal',
      eventDate,
      companyId,
      contactId: null,
      hours: 2,
      participantGender: 'woman',
      financierIds: ['eu'],
      attended: true,
    },
  };
}

async function main() {
  const token = buildAndToken('staff');
  const headers = { authorization: `Bearer ${token}` };
  const loadBefore = os.loadavg()[0];
  const base = `http://127.0.0.1:${PORT}`;
  const env = {
    PORT: String(PORT),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    DATABASE_NAME: DATABASE,
    NATS_SUBJECT_PREFIX: PREFIX,
    NATS_STREAM_STORAGE: 'memory',
    RATE_LIMIT_MAX: '100000000',
  };
  const service = { child: await startProcess(serviceEntry('reporting'), env, `${base}/health/ready`) };
  const db = new pg.Client({ connectionString: `${POSTGRES_URL}/${DATABASE}` });
  await db.connect();
  const nc = await connect({ servers: NATS_URL.split(',') });
  try {
    process.stdout.write(`seeding ${n(COMPANIES)} companies and ${n(PARTICIPATIONS)} participations...\n`);
    const seedMs = await seed(db);
    const { rows: [counts] } = await db.query(
      `SELECT (SELECT count(*) FROM company)::int AS companies, (SELECT count(*) FROM attendance_record WHERE current AND attended)::int AS attended,
              (SELECT count(*) FROM attendance_record WHERE current AND attended AND event_date BETWEEN '2026-01-01' AND '2026-12-31')::int AS in_year`,
    );
    process.stdout.write(`seeded in ${(seedMs / 1000).toFixed(1)} s: ${JSON.stringify(counts)}\n`);
    if (ONLY_SEED) {
      process.stdout.write(`kept database ${DATABASE}\n`);
      process.env.BENCH_KEEP = '1';
      return;
    }

    const year = `from=${YEARS.at(-1)}-01-01&to=${YEARS.at(-1)}-12-31`;
    const all = `from=${YEARS[0]}-01-01&to=${YEARS.at(-1)}-12-31`;
    const figures = await (await fetch(`${base}/api/reports/indicators?${year}`, { headers })).json();
    const indicatorsYear = await latencies(`${base}/api/reports/indicators?${year}`, headers, QUERY_RUNS);
    const firstPage = await latencies(`${base}/api/reports/indicators/companies?${year}`, headers, QUERY_RUNS);
    const filtered = await latencies(`${base}/api/reports/indicators?${year}&financier=eu&municipality=Ume%C3%A5`, headers, QUERY_RUNS);
    const indicatorsAll = await latencies(`${base}/api/reports/indicators?${all}`, headers, Math.ceil(QUERY_RUNS / 5));
    process.stdout.write(`one year: p50 ${ms(percentile(indicatorsYear, 50))}, p99 ${ms(percentile(indicatorsYear, 99))}; first page p99 ${ms(percentile(firstPage, 99))}\n`);

    // Ingest: the events wait in the stream while the service is stopped; then it is started and the
    // inbox is watched from the first handled event to the last.
    const js = jetstream(nc);
    const jsm = await jetstreamManager(nc);
    await stopProcess(service.child);
    const subject = `${PREFIX}.events.participant.attended.v1`;
    const payloads = Array.from({ length: INGEST_EVENTS }, (_, i) => attendance(i, `00000000-0000-4000-8000-${String(i % 50_000).padStart(12, '0')}`, '2026-11-15'));
    for (let i = 0; i < payloads.length; i += 500) {
      await Promise.all(payloads.slice(i, i + 500).map((e) => js.publish(subject, JSON.stringify(e), { msgID: e.id })));
    }
    const { rows: [{ before }] } = await db.query('SELECT count(*)::int AS before FROM inbox');
    service.child = await startProcess(serviceEntry('reporting'), env, `${base}/health/ready`);
    let firstAt;
    let firstCount = 0;
    for (;;) {
      const { rows: [{ c }] } = await db.query('SELECT count(*)::int AS c FROM inbox');
      const handled = c - before;
      if (handled > 0 && firstAt === undefined) {
        firstAt = performance.now();
        firstCount = handled;
      }
      if (handled >= INGEST_EVENTS) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const ingestRate = ((INGEST_EVENTS - firstCount) / (performance.now() - firstAt)) * 1000;

    // Raw JetStream: the same messages consumed (and acked) by a fresh pull consumer, nothing else done.
    const raw = 'bench-raw';
    await jsm.consumers.add(streamName('events'), { durable_name: raw, ack_policy: AckPolicy.Explicit, deliver_policy: DeliverPolicy.All });
    const consumer = await js.consumers.get(streamName('events'), raw);
    const total = (await jsm.streams.info(streamName('events'))).state.messages;
    const rawStarted = performance.now();
    const messages = await consumer.consume({ max_messages: 500 });
    let seen = 0;
    for await (const m of messages) {
      JSON.parse(m.string());
      m.ack();
      if (++seen >= total) break;
    }
    await messages.close();
    const rawRate = (seen / (performance.now() - rawStarted)) * 1000;
    process.stdout.write(`ingest ${n(ingestRate)} events/s; raw consume ${n(rawRate)} msg/s\n`);

    // Freshness: one attendance of a new company on a day of its own, published, until its figure shows.
    const delays = [];
    for (let i = 0; i < LATENCY_SAMPLES; i++) {
      const day = new Date(Date.UTC(2030, 0, 1 + i)).toISOString().slice(0, 10);
      const event = attendance(i, randomUUID(), day);
      const started = performance.now();
      await js.publish(`${PREFIX}.events.participant.attended.v1`, JSON.stringify(event), { msgID: event.id });
      for (;;) {
        const body = await (await fetch(`${base}/api/reports/indicators?from=${day}&to=${day}`, { headers })).json();
        if (body.companiesSupported.total === 1) break;
        await new Promise((r) => setTimeout(r, 2));
      }
      delays.push(performance.now() - started);
    }
    process.stdout.write(`attendance to figure: p50 ${ms(percentile(delays, 50))}, p99 ${ms(percentile(delays, 99))}\n`);

    const row = (label, values) => `| ${label} | ${values.length} | ${ms(percentile(values, 50))} | ${ms(percentile(values, 99))} | ${ms(Math.max(...values))} |`;
    writeSection(
      'bench:reporting',
      `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine()}.
Command: \`npm run bench:reporting\` (the reporting service in its own process; Postgres and NATS on the same machine, shared with
other work while it ran: load average ${loadBefore.toFixed(1)} at the start, ${os.loadavg()[0].toFixed(1)} at the end, on 2 cores).

**Read models**: ${n(counts.companies)} companies, ${n(counts.attended)} attended participations (20,000 events of 50 participants,
${YEARS[0]}–${YEARS.at(-1)}, so ${n(counts.in_year)} in ${YEARS.at(-1)}; 1 % of the events cancelled), 500 merges, a move for one company in ten,
1,000 completed trips of 5 companies, export figures for every company and year, 20,000 relationship changes, 10,000 partner meetings,
5,000 ring memberships; loaded straight into the fact tables (\`INSERT ... SELECT FROM generate_series\`), then the derived
tables (\`counted_activity\`, \`company_year_activity\`) filled by the service's own \`refreshCountedActivities\` over every fact
(what the projections run after each batch, and the migration for a database that already holds facts), then \`VACUUM ANALYZE\`;
${(seedMs / 1000).toFixed(1)} s in all. Companies supported in ${YEARS.at(-1)}: ${n(figures.companiesSupported.total)}.

| request (sequential, after 5 warm-up requests) | runs | p50 | p99 | max |
| --- | ---: | ---: | ---: | ---: |
${row(`\`GET /api/reports/indicators?${year}\` (aim: p99 < 200 ms)`, indicatorsYear)}
${row(`\`GET /api/reports/indicators/companies?${year}\` first page (aim: < 100 ms)`, firstPage)}
${row('the same year, `financier=eu&municipality=Umeå`', filtered)}
${row(`all ${YEARS.length} years, ${n(counts.attended)} participations`, indicatorsAll)}

**Ingest** of ${n(INGEST_EVENTS)} \`ParticipantAttended\` through NATS into the read models (inbox, attendance facts, current
record per registration, counted activities and the company's rollup row, progress; batches of 500, the service's \`MESSAGING_BATCH_SIZE\`), measured from the first handled event to the last:
**${n(ingestRate)} events/s**. Raw JetStream consume (pull consumer, parse, ack) of the same stream in the same run:
**${n(rawRate)} msg/s**, so the projection runs at ${((ingestRate / rawRate) * 100).toFixed(0)} % of the broker's rate.

**Freshness**: from publishing an attendance to JetStream (what the events service's relay does after its commit) to the figure
showing in \`GET /api/reports/indicators\` (polled every 2 ms), ${LATENCY_SAMPLES} samples one after another:
p50 ${ms(percentile(delays, 50))}, p99 ${ms(percentile(delays, 99))}.

**Where the time goes.** Survivor and municipality-of-the-day are resolved when a fact is written (\`counted_activity\`), and
the projections keep one row per surviving company and calendar year (\`company_year_activity\`: its kinds, municipalities,
financiers, participations and export figures); see docs/reporting.md. A whole year without a filter reads only that year's
rollup rows (here ${n(figures.companiesSupported.total)}, one per supported company, instead of about 200,000 activities each
resolved per request, plus four index probes per company for the exporters), and reads them once: one index-only scan, the
company joined once for its size class, grouped in one pass (\`GROUPING SETS\`) by (kinds, municipalities, financiers, size class)
with the hours', exporters' and export turnover's sums per group, and by participations by gender; every breakdown and sum then
comes from those few hundred groups. The companies list's first page walks the companies
by name along an index and probes each one's rollup row until the page is full. Periods that are not whole years read their
other days from \`counted_activity\`, and a filter reads every day of the period from it (the filtered row above); the five-year
query makes the companies distinct over five years of rollup rows and probes the exporters per supported company.
Ingest pays for it: each batch also rewrites the counted rows of its facts (survivor and municipality looked up) and recomputes
the rollup row of every company and year it touches (with the company's export figures when the row is new), several index
probes per event where the code before made two.
Left: a filtered year and periods of several years still go the general way (the companies made distinct over every counted
activity or rollup row they read, the exporters probed per company: the filtered and five-year rows above); the ingest rate is
what the rollup costs (its recomputation could be batched per company once per batch).
Before the one-pass year (2026-11-30 22:37 UTC, load 1.9–1.1): one year p50 316.2 ms, p99 376.6 ms, a dozen aggregates over the
year's rollup rows one after another, each its own scan (EXPLAIN ANALYZE on a kept seed, load 2.6–3.5: 210–265 ms executing, the
one-pass query 79–86 ms on the same seed at the same time); first page p99 22.4 ms; ingest 1,650 events/s against 14,610 raw.
The code before the rollup, on the same seed (2026-11-30 19:18 UTC, load 4.1–7.3): one year p50 1,802.7 ms, p99 4,612.8 ms; first
page p50 1,008.0 ms, p99 2,086.1 ms; filtered p50 299.2 ms; five years p50 7,837.0 ms; ingest 5,609 events/s against 19,632 raw.`,
    );
  } finally {
    await nc.close().catch(() => undefined);
    await db.end().catch(() => undefined);
    await stopProcess(service.child);
    // BENCH_KEEP=1 keeps the database, to look at query plans afterwards.
    if (process.env.BENCH_KEEP) process.stdout.write(`kept database ${DATABASE}\n`);
    await Promise.all([process.env.BENCH_KEEP ? undefined : dropDatabase(DATABASE), deleteStreams(PREFIX)]);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
