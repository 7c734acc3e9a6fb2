// `npm run bench:companies`: the companies service with 100,000 companies in its database. Seeds them
// through the real tables with SQL (unnest of generated rows, valid organisation numbers), then measures
// over HTTP, with autocannon, creating companies and a few realistic filtered, paged lists, each at one
// connection (latency) and at several (throughput). The service runs in its own process; autocannon here.
import autocannon from 'autocannon';
import pg from 'pg';
import { buildAndToken, deleteStreams, dropDatabase, POSTGRES_URL, serviceEntry, startProcess, stopProcess } from './harness.mjs';
import { machine, writeSection } from './report.mjs';

const COMPANIES = Number(process.env.BENCH_COMPANIES ?? 100_000);
const CREATES = Number(process.env.BENCH_CREATES ?? 3_000);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const PORT = Number(process.env.BENCH_PORT ?? 3911);
const DATABASE = 'globac_bench_companies_100k';
const SUBJECT_PREFIX = 'benchcompanies';
const P99_AIM_MS = 50;

const LISTS = [
  ['municipality and size class', 'municipality=Skellefteå&sizeClass=small'],
  ['text search in names', 'q=skog'],
  ['organisation number digits', 'q=5560123'],
  ['SNI prefix', 'sni=46'],
  ['exporting', 'exporting=true'],
  ['sorted by name, page 50', 'sort=name&page=50'],
  ['municipality, exporting, newest first', 'municipality=Umeå&exporting=true&sort=-registeredAt'],
];

// ---- seed data: deterministic, so that runs compare ----
let seed = 42;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const pick = (list) => list[Math.floor(random() * list.length)];
const weighted = (pairs) => {
  const total = pairs.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [value, weight] of pairs) if ((r -= weight) < 0) return value;
  return pairs[0][0];
};
const MUNICIPALITIES = [
  ['Umeå', 130], ['Skellefteå', 75], ['Lycksele', 12], ['Vännäs', 9], ['Vilhelmina', 7], ['Nordmaling', 7], ['Robertsfors', 7],
  ['Storuman', 6], ['Vindeln', 5], ['Norsjö', 4], ['Malå', 3], ['Åsele', 3], ['Sorsele', 2.5], ['Dorotea', 2.5], ['Bjurholm', 2.4],
  [null, 15],
];
const COUNTIES = ['Norrbotten', 'Västernorrland', 'Jämtland', 'Stockholm', 'Västra Götaland', 'Skåne', 'Uppsala'];
const SNI = ['01.110', '02.100', '03.110', '10.110', '10.711', '11.050', '16.100', '16.230', '25.620', '28.290', '31.010', '41.200', '43.210',
  '45.200', '46.310', '46.690', '46.730', '47.110', '49.410', '52.290', '55.101', '56.100', '62.010', '62.020', '68.201', '69.201', '70.220',
  '71.121', '72.190', '73.110', '85.600', '86.230', '93.130', null, null, null, null, null];
const FIRST = ['Norr', 'Skog', 'Fjäll', 'Älv', 'Bjørk', 'Tall', 'Gran', 'Sjö', 'Myr', 'Berg', 'Lapp', 'Ren', 'Lax', 'Kust', 'Hav', 'Snö', 'Is',
  'Sol', 'Vind', 'Järn', 'Koppar', 'Guld', 'Trä', 'Sten', 'Ljus', 'Nord', 'Öst', 'Väst', 'Syd', 'Åker', 'Ängs', 'Bäck', 'Forsa', 'Holm'];
const SECOND = ['trä', 'bygg', 'teknik', 'data', 'konsult', 'mat', 'fisk', 'gård', 'verkstad', 'design', 'energi', 'transport', 'invest',
  'handel', 'service', 'bageri', 'bryggeri', 'el', 'media', 'plast', 'metall', 'skog', 'turism', 'vård', 'system'];
const FORM = ['AB', 'AB', 'AB', 'AB', 'Handelsbolag', 'Ekonomisk förening', 'Aktiebolag', 'Holding AB'];

function luhn(nine) {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}
const orgNumber = (n) => {
  const nine = String(n);
  return `${nine.slice(0, 6)}-${nine.slice(6)}${luhn(nine)}`;
};
const sizeClass = (e) => (e === null ? null : e < 10 ? 'micro' : e < 50 ? 'small' : e < 250 ? 'medium' : 'large');

function companyRows(from, count) {
  const rows = { org: [], name: [], municipality: [], county: [], sni: [], employees: [], size: [], exporting: [], year: [], registered: [] };
  for (let i = from; i < from + count; i++) {
    const municipality = weighted(MUNICIPALITIES);
    const employees = random() < 0.1 ? null : Math.floor(Math.exp(random() * random() * 8.5));
    const hasFigures = random() < 0.55;
    rows.org.push(orgNumber(556_000_000 + i));
    rows.name.push(`${pick(FIRST)}${pick(SECOND)} ${i % 7 === 0 ? `i ${municipality ?? 'Sverige'} ` : ''}${pick(FORM)}`);
    rows.municipality.push(municipality);
    rows.county.push(municipality ? 'Västerbotten' : pick(COUNTIES));
    rows.sni.push(pick(SNI));
    rows.employees.push(employees);
    rows.size.push(sizeClass(employees));
    rows.exporting.push(hasFigures && random() < 0.6);
    rows.year.push(hasFigures ? pick([2023, 2024, 2024, 2025]) : null);
    rows.registered.push(new Date(Date.UTC(2008, 0, 1) + random() * (Date.now() - Date.UTC(2008, 0, 1))).toISOString());
  }
  return rows;
}

async function seed100k(client) {
  const started = Date.now();
  const batch = 20_000;
  for (let from = 0; from < COMPANIES; from += batch) {
    const r = companyRows(from, Math.min(batch, COMPANIES - from));
    await client.query(
      `INSERT INTO companies (org_number, name, municipality, county, sni_code, employees, size_class, exporting, latest_export_year, registered_at, updated_at)
       SELECT o, n, m, c, s, e, z, x, y, r, r
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[], $8::bool[], $9::int[], $10::timestamptz[])
           AS t(o, n, m, c, s, e, z, x, y, r)`,
      [r.org, r.name, r.municipality, r.county, r.sni, r.employees, r.size, r.exporting, r.year, r.registered],
    );
  }
  await client.query(
    `INSERT INTO company_municipality_periods (company_id, municipality, county, valid_from)
     SELECT id, municipality, county, registered_at FROM companies`,
  );
  // One year of figures for each company that has a latest year, consistent with its exporting flag.
  for (const table of ['export_figures', 'export_figure_revisions']) {
    await client.query(
      `INSERT INTO ${table} (company_id, year, revision, total_turnover_sek, export_turnover_sek, export_markets, reported_at, reported_by)
       SELECT id, latest_export_year, 1, 1000000 + (abs(hashtext(id::text)) % 90000000),
              CASE WHEN exporting THEN 1 + (abs(hashtext(id::text)) % 1000000) ELSE 0 END,
              CASE WHEN exporting THEN ARRAY['NO', 'PL']::varchar(2)[] ELSE '{}'::varchar(2)[] END,
              registered_at, 'bench-seed'
         FROM companies WHERE latest_export_year IS NOT NULL`,
    );
  }
  await client.query('VACUUM ANALYZE');
  return Date.now() - started;
}

async function load(options) {
  const result = await autocannon({ pipelining: 1, ...options });
  if (result.non2xx || result.errors) throw new Error(`${options.url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return result;
}

async function main() {
  const token = buildAndToken('staff');
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const base = `http://127.0.0.1:${PORT}`;

  await dropDatabase(DATABASE);
  const service = await startProcess(serviceEntry('companies'), {
    PORT: String(PORT),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    DATABASE_NAME: DATABASE,
    NATS_SUBJECT_PREFIX: SUBJECT_PREFIX,
    NATS_STREAM_STORAGE: 'memory',
    // One client sends every request here; the per-client limit would measure the limiter instead.
    RATE_LIMIT_MAX: '100000000',
  }, `${base}/health/ready`);
  const db = new pg.Client({ connectionString: `${POSTGRES_URL}/${DATABASE}` });
  await db.connect();
  try {
    process.stdout.write(`seeding ${COMPANIES.toLocaleString('en')} companies...\n`);
    const seedMs = await seed100k(db);
    const { rows: [{ n: seeded }] } = await db.query('SELECT count(*)::int AS n FROM companies');
    process.stdout.write(`seeded ${seeded} companies in ${(seedMs / 1000).toFixed(1)} s\n`);

    // Warm-up: JIT, the token cache, the pool, Postgres' buffers.
    for (const [, query] of LISTS) await load({ url: `${base}/api/companies?${query}`, headers, connections: 2, amount: 50 });

    const lists = [];
    for (const [label, query] of LISTS) {
      const url = `${base}/api/companies?${query}`;
      const { total } = await (await fetch(url, { headers })).json();
      const single = await load({ url, headers, connections: 1, duration: DURATION_S });
      const many = await load({ url, headers, connections: CONNECTIONS, duration: DURATION_S });
      lists.push({ label, query, total, single, many });
      process.stdout.write(`${label}: ${total} matching; 1 conn p99 ${single.latency.p99} ms; ${CONNECTIONS} conns ${Math.round(many.requests.average)} req/s, p99 ${many.latency.p99} ms\n`);
    }

    // Creates last, so that the lists above meet a settled database (no relay publishing, no autovacuum after the inserts).
    let next = 557_000_000;
    const created = await load({
      url: `${base}/api/companies`,
      method: 'POST',
      headers,
      connections: CONNECTIONS,
      amount: CREATES,
      requests: [
        {
          setupRequest: (request) => ({
            ...request,
            body: JSON.stringify({ orgNumber: orgNumber(next++), name: `Benchmark ${next} AB`, municipality: 'Umeå', employees: next % 300, sniCode: '62.010' }),
          }),
        },
      ],
    });
    process.stdout.write(`create: ${Math.round(created.requests.average)} req/s, p99 ${created.latency.p99} ms\n`);

    const worstSingle = Math.max(...lists.map((l) => l.single.latency.p99));
    const n = (x) => Math.round(x).toLocaleString('en');
    const rows = lists
      .map(
        (l) =>
          `| ${l.label} | \`${l.query}\` | ${n(l.total)} | ${l.single.latency.p50} | ${l.single.latency.p99} | ${n(l.many.requests.average)} | ${l.many.latency.p50} | ${l.many.latency.p99} |`,
      )
      .join('\n');
    writeSection(
      'bench:companies',
      `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine()}.
Command: \`npm run bench:companies\` (the companies service in its own process, autocannon in the bench's; Postgres on the same machine).

**${n(seeded)} companies** in the database, seeded through the real tables in ${(seedMs / 1000).toFixed(1)} s (\`INSERT ... SELECT FROM unnest(...)\`
of generated rows with valid organisation numbers, realistic municipalities, sizes and SNI codes, a municipality period each,
export figures for 55 %; then \`VACUUM ANALYZE\`).

**Create** (\`POST /api/companies\`, ${n(CREATES)} companies, ${CONNECTIONS} connections; each a transaction with the company, its
municipality period and a CompanyRegistered outbox row): **${n(created.requests.average)} req/s**, p50 ${created.latency.p50} ms,
p99 ${created.latency.p99} ms.

**List** (\`GET /api/companies\`, 20 per page with the exact total), ${DURATION_S} s at 1 connection and at ${CONNECTIONS}:

| list | query | matching | 1 conn p50 ms | 1 conn p99 ms | ${CONNECTIONS} conns req/s | p50 ms | p99 ms |
| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |
${rows}

Worst p99 of a single client: **${worstSingle} ms** (aim: under ${P99_AIM_MS} ms). At ${CONNECTIONS} connections on 2 cores the p99
includes queueing behind the other requests; the aim is about one request's latency.`,
    );
    if (worstSingle >= P99_AIM_MS) process.stdout.write(`p99 ${worstSingle} ms is over the aim of ${P99_AIM_MS} ms\n`);
  } finally {
    await db.end();
    await stopProcess(service);
    if (!process.env.BENCH_KEEP_DATABASE) await dropDatabase(DATABASE);
    await deleteStreams(SUBJECT_PREFIX);
  }
}

main().catch((error) => {
  process.stderr.write(`bench:companies failed: ${error.stack ?? error}\n`);
  process.exit(1);
});
