// `npm run bench:http`: requests per second of an authenticated GET of a trivial endpoint
// (/api/whoami on the companies service: token verification, guard, input pipe, metrics hook,
// rate limiter, security headers, request context) beside a bare node:http server answering the same
// JSON, in the same run, on the same machine; and, to tell the framework's share from ours, a bare
// Nest-on-Fastify app with one controller. Each server runs in its own process; autocannon in this one.
//
// Measured on two runtimes in the same run where they differ: the Node of this machine, and the Node
// the service images run (the Dockerfile's NODE_IMAGE; see tools/image-node.mjs). The aim is judged on the
// images' runtime, since that is what serves requests in production.
import autocannon from 'autocannon';
import { buildAndToken, cpuMicros, deleteStreams, dropDatabase, serviceEntry, startProcess, stopProcess } from './harness.mjs';
import { machine, median, writeSection } from './report.mjs';
import { imageNodeMajor, imageNodeRuntime } from '../image-node.mjs';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 4);
// Rounds alternate between all servers, so that a busy moment of a shared machine hits each alike;
// the figures are the medians of the rounds.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const BASE_PORT = 3901;
const DATABASE_PREFIX = 'globac_bench_http';
// Its own subjects and streams: the service must not join the consumers of the data `npm start` keeps.
const SUBJECT_PREFIX = 'benchhttp';
const AIM = 0.5;

const bareServer = (port) => `
  const body = JSON.stringify({ subject: 'bench', roles: ['staff'] });
  require('node:http').createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  }).listen(${port}, '127.0.0.1', () => process.stdout.write('listening\\n'));
`;

// Plain JavaScript, so decorators are applied by hand.
const bareNest = (port) => `
  require('reflect-metadata');
  const { Controller, Get, Module } = require('@nestjs/common');
  const { NestFactory } = require('@nestjs/core');
  const { FastifyAdapter } = require('@nestjs/platform-fastify');
  class WhoamiController { whoami() { return { subject: 'bench', roles: ['staff'] }; } }
  Reflect.decorate([Get('whoami')], WhoamiController.prototype, 'whoami', Object.getOwnPropertyDescriptor(WhoamiController.prototype, 'whoami'));
  Reflect.decorate([Controller('api')], WhoamiController);
  class BenchModule {}
  Reflect.decorate([Module({ controllers: [WhoamiController] })], BenchModule);
  NestFactory.create(BenchModule, new FastifyAdapter(), { logger: false }).then((app) => app.listen(${port}, '127.0.0.1'));
`;

async function load(url, headers, duration) {
  const result = await autocannon({ url, headers, connections: CONNECTIONS, duration, pipelining: 1 });
  if (result.non2xx || result.errors) throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return result;
}

async function round(target) {
  const cpuBefore = cpuMicros(target.process.pid);
  const r = await load(target.url, target.headers, DURATION_S);
  const cpuAfter = cpuMicros(target.process.pid);
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    // The server's own CPU time per answered request: steadier than req/s on a shared machine.
    cpuPerRequest: cpuBefore === undefined || cpuAfter === undefined ? undefined : (cpuAfter - cpuBefore) / r.requests.total,
  };
}

const summarize = (rounds) => ({
  rps: median(rounds.map((r) => r.rps)),
  p50: median(rounds.map((r) => r.p50)),
  p99: median(rounds.map((r) => r.p99)),
  cpuPerRequest: rounds[0].cpuPerRequest === undefined ? undefined : median(rounds.map((r) => r.cpuPerRequest)),
  all: rounds.map((r) => Math.round(r.rps)),
});

/** The runtimes to measure: this machine's Node, and the images' Node where it is another one. */
function runtimes() {
  const image = imageNodeRuntime();
  const machineRuntime = { label: `Node ${process.version}`, node: process.execPath, image: image.node === process.execPath };
  if (image.unavailable) {
    process.stderr.write(`${image.unavailable}; measuring this machine's Node only\n`);
    return { list: [machineRuntime], note: image.unavailable };
  }
  if (image.node === process.execPath) return { list: [machineRuntime] };
  return { list: [machineRuntime, { label: `Node ${image.version}`, node: image.node, image: true }] };
}

async function main() {
  const token = buildAndToken('staff');
  const { list, note } = runtimes();
  const imageMajor = imageNodeMajor();

  const targets = [];
  const started = [];
  try {
    for (const [i, runtime] of list.entries()) {
      const port = BASE_PORT + 10 * i;
      const database = `${DATABASE_PREFIX}_${i}`;
      const [bare, nest, service] = await Promise.all([
        startProcess(['-e', bareServer(port)], {}, `http://127.0.0.1:${port}/`, runtime.node),
        startProcess(['-e', bareNest(port + 1)], {}, `http://127.0.0.1:${port + 1}/api/whoami`, runtime.node),
        startProcess(
          serviceEntry('companies'),
          {
            PORT: String(port + 2),
            HOST: '127.0.0.1',
            LOG_LEVEL: 'warn',
            DATABASE_NAME: database,
            NATS_SUBJECT_PREFIX: SUBJECT_PREFIX,
            // One client sends every request here; the per-client limit would measure the limiter instead.
            RATE_LIMIT_MAX: '100000000',
          },
          `http://127.0.0.1:${port + 2}/health/ready`,
          runtime.node,
        ),
      ]);
      started.push({ processes: [bare, nest, service], database });
      // The service right after the bare server: each round's ratio compares two loads seconds apart.
      targets.push(
        { runtime, kind: 'bare', process: bare, url: `http://127.0.0.1:${port}/api/whoami`, headers: {}, rounds: [] },
        {
          runtime,
          kind: 'service',
          process: service,
          url: `http://127.0.0.1:${port + 2}/api/whoami`,
          headers: { authorization: `Bearer ${token}` },
          rounds: [],
        },
        { runtime, kind: 'nest', process: nest, url: `http://127.0.0.1:${port + 1}/api/whoami`, headers: {}, rounds: [] },
      );
    }
    for (const t of targets) await load(t.url, t.headers, 2); // warm-up: JIT, caches
    for (let i = 0; i < ROUNDS; i++) {
      for (const t of targets) t.rounds.push(await round(t));
      process.stdout.write(`round ${i + 1}: ${targets.map((t) => `${t.runtime.label} ${t.kind} ${Math.round(t.rounds[i].rps)}`).join(', ')} req/s\n`);
    }
  } finally {
    for (const { processes } of started) await Promise.all(processes.map(stopProcess));
    // The services made their (empty) databases and streams for the run; they have no use afterwards.
    for (const { database } of started) await dropDatabase(database);
    await deleteStreams(SUBJECT_PREFIX);
  }

  const results = list.map((runtime) => {
    const rounds = (kind) => targets.find((t) => t.runtime === runtime && t.kind === kind).rounds;
    // The median of each round's ratio rather than the ratio of the medians: a shared machine's speed
    // drifts over minutes, and both loads of one round meet the same moment of it.
    const ratios = rounds('service').map((r, i) => r.rps / rounds('bare')[i].rps);
    const [bare, nest, service] = ['bare', 'nest', 'service'].map((kind) => summarize(rounds(kind)));
    const cpuRatio = bare.cpuPerRequest === undefined ? undefined : bare.cpuPerRequest / service.cpuPerRequest;
    return { runtime, bare, nest, service, ratio: median(ratios), ratios, cpuRatio };
  });
  const judged = results.find((r) => r.runtime.image);
  const aim = `at least ${AIM * 100} % of the bare server, on the images' Node ${imageMajor}`;
  const verdict = judged
    ? `${judged.ratio >= AIM ? 'met' : 'not met'} (${(judged.ratio * 100).toFixed(1)} %)`
    : 'not judged: the images\' Node could not be run here';
  for (const r of results) process.stdout.write(`${r.runtime.label}: ${(r.ratio * 100).toFixed(1)} % of the bare server\n`);
  process.stdout.write(`aim (${aim}): ${verdict}\n`);

  const percent = (x) => `${(x * 100).toFixed(1)} %`;
  const µs = (r) => (r.cpuPerRequest === undefined ? '–' : r.cpuPerRequest.toFixed(1));
  const row = (name, r) => `| ${name} | ${Math.round(r.rps).toLocaleString('en')} | ${r.all.join(', ')} | ${r.p50} | ${r.p99} | ${µs(r)} |`;
  const table = (r) => `**${r.runtime.label}**${r.runtime.image ? ' (the runtime of the service images)' : ' (this machine\'s)'}

| server | requests/s (median) | each round | p50 ms | p99 ms | server CPU µs per request |
| --- | ---: | --- | ---: | ---: | ---: |
${row('bare `node:http`, same JSON (baseline)', r.bare)}
${row('bare Nest 12 on Fastify, one controller (the framework alone)', r.nest)}
${row('companies service, `GET /api/whoami` with a bearer token', r.service)}

Ratio: **${percent(r.ratio)}** of the bare server's requests per second (the median of the rounds' ratios:
${r.ratios.map(percent).join(', ')}).${r.cpuRatio === undefined ? '' : ` By the servers' CPU time per request (bare ÷ service): ${percent(r.cpuRatio)}.`}
Nest alone reaches ${percent(r.nest.rps / r.bare.rps)} of the bare server, and the service ${percent(r.service.rps / r.nest.rps)} of Nest alone.`;

  writeSection(
    'bench:http',
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine()}.
Command: \`npm run bench:http\` (autocannon, ${CONNECTIONS} connections; ${ROUNDS} rounds of ${DURATION_S} s per server, each round loading every server in turn, after a 2 s warm-up each; medians; each server in its own process, autocannon in the bench's on ${process.version}).
The three servers run on ${list.length === 2 ? `two runtimes: this machine's Node and the Node ${imageMajor} the service images run (the Dockerfile's \`NODE_IMAGE\`; its official build taken from the npm registry, see tools/image-node.mjs)` : `${list[0].label}`}.${note ? `\n${note}.` : ''}

${results.map(table).join('\n\n')}

**Aim (${aim}): ${verdict}**.
The service path adds JWT verification (remembered per token), the roles guard, the input pipe, the
rate limiter, security headers, the request-id context and the latency histogram; where that time goes,
and why Node 20 pays more for the request context, is in docs/architecture.md ("The HTTP hot path").`,
  );
}

main().catch((error) => {
  process.stderr.write(`bench:http failed: ${error.stack ?? error}\n`);
  process.exit(1);
});
