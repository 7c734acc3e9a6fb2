// `npm run bench:http`: requests per second of an authenticated GET of a trivial endpoint
// (/api/whoami on the companies service: token verification, guard, validation pipe, metrics hook,
// rate limiter, security headers) beside a bare node:http server answering the same JSON, in the same
// run, on the same machine. Each server runs in its own process; autocannon runs in this one.
import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';
import { machine, root, writeSection } from './report.mjs';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const COMPANIES_PORT = 3901;
const BARE_PORT = 3902;

const BARE_SERVER = `
  const body = JSON.stringify({ subject: 'bench', roles: ['staff'] });
  require('node:http').createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  }).listen(${BARE_PORT}, '127.0.0.1', () => process.stdout.write('listening\\n'));
`;

function startProcess(args, env, readyUrl) {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  const deadline = Date.now() + 60_000;
  const wait = async () => {
    while (Date.now() < deadline) {
      try {
        if ((await fetch(readyUrl)).ok) return child;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    child.kill('SIGKILL');
    throw new Error(`${readyUrl} did not answer within 60 s`);
  };
  return wait();
}

function stop(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

async function load(url, headers, duration) {
  const result = await autocannon({ url, headers, connections: CONNECTIONS, duration, pipelining: 1 });
  if (result.non2xx || result.errors) throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return result;
}

async function measure(name, url, headers) {
  await load(url, headers, 2); // warm-up: JIT, connection pools
  const r = await load(url, headers, DURATION_S);
  process.stdout.write(`${name}: ${Math.round(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms\n`);
  return r;
}

async function main() {
  execFileSync(process.execPath, [path.join(root, 'tools/build.mjs')], { stdio: 'ignore' });
  const token = execFileSync(process.execPath, [path.join(root, 'dist/libs/auth/src/cli/token.js'), '--role', 'staff'], { encoding: 'utf8' }).trim();

  const bare = await startProcess(['-e', BARE_SERVER], {}, `http://127.0.0.1:${BARE_PORT}/`);
  let bareResult;
  try {
    bareResult = await measure('bare node:http', `http://127.0.0.1:${BARE_PORT}/api/whoami`, {});
  } finally {
    await stop(bare);
  }

  const service = await startProcess(
    [path.join(root, 'dist/apps/companies/src/main.js')],
    {
      PORT: String(COMPANIES_PORT),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATABASE_NAME: 'globac_bench_companies',
      // One client sends every request here; the per-client limit would measure the limiter instead.
      RATE_LIMIT_MAX: '100000000',
    },
    `http://127.0.0.1:${COMPANIES_PORT}/health/ready`,
  );
  let serviceResult;
  try {
    serviceResult = await measure('companies GET /api/whoami', `http://127.0.0.1:${COMPANIES_PORT}/api/whoami`, {
      authorization: `Bearer ${token}`,
    });
  } finally {
    await stop(service);
  }

  const ratio = serviceResult.requests.average / bareResult.requests.average;
  process.stdout.write(`ratio: ${(ratio * 100).toFixed(1)} % of the bare server (aim: at least 50 %)\n`);
  const row = (name, r) =>
    `| ${name} | ${Math.round(r.requests.average).toLocaleString('en')} | ${r.latency.p50} | ${r.latency.p99} |`;
  writeSection(
    'bench:http',
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine()}.
Command: \`npm run bench:http\` (autocannon, ${CONNECTIONS} connections, ${DURATION_S} s after a 2 s warm-up, each server in its own process).

| server | requests/s | p50 ms | p99 ms |
| --- | ---: | ---: | ---: |
${row('bare `node:http`, same JSON (baseline)', bareResult)}
${row('companies service, `GET /api/whoami` with a bearer token', serviceResult)}

**Ratio: ${(ratio * 100).toFixed(1)} %** of the bare server's requests per second (aim: at least 50 %).
The service path includes JWT verification, the roles guard, the rate limiter, security headers, the
request-id context and the latency histogram.`,
  );
}

main().catch((error) => {
  process.stderr.write(`bench:http failed: ${error.stack ?? error}\n`);
  process.exit(1);
});
