// `npm run bench:http`: requests per second of an authenticated GET of a trivial endpoint
// (/api/whoami on the companies service: token verification, guard, validation pipe, metrics hook,
// rate limiter, security headers, request context) beside a bare node:http server answering the same
// JSON, in the same run, on the same machine; and, to tell the framework's share from ours, a bare
// Nest-on-Fastify app with one controller. Each server runs in its own process; autocannon in this one.
import autocannon from 'autocannon';
import { buildAndToken, dropDatabase, serviceEntry, startProcess, stopProcess } from './harness.mjs';
import { machine, writeSection } from './report.mjs';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 5);
// Rounds alternate between the two servers, so that a busy moment of a shared machine hits both alike;
// the figures are the medians of the rounds.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const COMPANIES_PORT = 3901;
const BARE_PORT = 3902;
const NEST_PORT = 3903;
const BENCH_DATABASE = 'globac_bench_http';

const BARE_SERVER = `
  const body = JSON.stringify({ subject: 'bench', roles: ['staff'] });
  require('node:http').createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  }).listen(${BARE_PORT}, '127.0.0.1', () => process.stdout.write('listening\\n'));
`;

// Plain JavaScript, so decorators are applied by hand.
const BARE_NEST = `
  require('reflect-metadata');
  const { Controller, Get, Module } = require('@nestjs/common');
  const { NestFactory } = require('@nestjs/core');
  const { FastifyAdapter } = require('@nestjs/platform-fastify');
  class WhoamiController { whoami() { return { subject: 'bench', roles: ['staff'] }; } }
  Reflect.decorate([Get('whoami')], WhoamiController.prototype, 'whoami', Object.getOwnPropertyDescriptor(WhoamiController.prototype, 'whoami'));
  Reflect.decorate([Controller('api')], WhoamiController);
  class BenchModule {}
  Reflect.decorate([Module({ controllers: [WhoamiController] })], BenchModule);
  NestFactory.create(BenchModule, new FastifyAdapter(), { logger: false }).then((app) => app.listen(${NEST_PORT}, '127.0.0.1'));
`;

async function load(url, headers, duration) {
  const result = await autocannon({ url, headers, connections: CONNECTIONS, duration, pipelining: 1 });
  if (result.non2xx || result.errors) throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return result;
}

async function round(url, headers) {
  const r = await load(url, headers, DURATION_S);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99 };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const summarize = (rounds) => ({
  rps: median(rounds.map((r) => r.rps)),
  p50: median(rounds.map((r) => r.p50)),
  p99: median(rounds.map((r) => r.p99)),
  all: rounds.map((r) => Math.round(r.rps)),
});

async function main() {
  const token = buildAndToken('staff');

  const targets = [
    { name: 'bare `node:http`, same JSON (baseline)', url: `http://127.0.0.1:${BARE_PORT}/api/whoami`, headers: {} },
    { name: 'bare Nest 12 on Fastify, one controller (the framework alone)', url: `http://127.0.0.1:${NEST_PORT}/api/whoami`, headers: {} },
    {
      name: 'companies service, `GET /api/whoami` with a bearer token',
      url: `http://127.0.0.1:${COMPANIES_PORT}/api/whoami`,
      headers: { authorization: `Bearer ${token}` },
    },
  ];
  const processes = await Promise.all([
    startProcess(['-e', BARE_SERVER], {}, `http://127.0.0.1:${BARE_PORT}/`),
    startProcess(['-e', BARE_NEST], {}, targets[1].url),
    startProcess(
      serviceEntry('companies'),
      {
        PORT: String(COMPANIES_PORT),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        DATABASE_NAME: BENCH_DATABASE,
        // One client sends every request here; the per-client limit would measure the limiter instead.
        RATE_LIMIT_MAX: '100000000',
      },
      `http://127.0.0.1:${COMPANIES_PORT}/health/ready`,
    ),
  ]);
  const rounds = targets.map(() => []);
  try {
    for (const t of targets) await load(t.url, t.headers, 2); // warm-up: JIT, caches
    for (let i = 0; i < ROUNDS; i++) {
      for (const [j, t] of targets.entries()) rounds[j].push(await round(t.url, t.headers));
      process.stdout.write(`round ${i + 1}: ${rounds.map((r) => `${Math.round(r[i].rps)} req/s`).join(', ')}\n`);
    }
  } finally {
    await Promise.all(processes.map(stopProcess));
    // The service made its (empty) database for the run; it has no use afterwards.
    await dropDatabase(BENCH_DATABASE);
  }
  const [bareResult, nestResult, serviceResult] = rounds.map(summarize);

  const ratio = serviceResult.rps / bareResult.rps;
  process.stdout.write(`ratio: ${(ratio * 100).toFixed(1)} % of the bare server (aim: at least 50 %)\n`);
  const row = (name, r) => `| ${name} | ${Math.round(r.rps).toLocaleString('en')} | ${r.all.join(', ')} | ${r.p50} | ${r.p99} |`;
  writeSection(
    'bench:http',
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine()}.
Command: \`npm run bench:http\` (autocannon, ${CONNECTIONS} connections; ${ROUNDS} alternating rounds of ${DURATION_S} s per server after a 2 s warm-up; medians; each server in its own process).

| server | requests/s (median) | each round | p50 ms | p99 ms |
| --- | ---: | --- | ---: | ---: |
${row(targets[0].name, bareResult)}
${row(targets[1].name, nestResult)}
${row(targets[2].name, serviceResult)}

**Ratio: ${(ratio * 100).toFixed(1)} %** of the bare server's requests per second (aim: at least 50 %).
Nest alone reaches ${((nestResult.rps / bareResult.rps) * 100).toFixed(1)} % of the bare server; the service reaches
${((serviceResult.rps / nestResult.rps) * 100).toFixed(1)} % of Nest alone. The service path adds JWT verification (remembered per
token), the roles guard, the rate limiter, security headers, the request-id context and the latency
histogram; where that time goes is in docs/architecture.md ("The HTTP hot path").`,
  );
}

main().catch((error) => {
  process.stderr.write(`bench:http failed: ${error.stack ?? error}\n`);
  process.exit(1);
});
