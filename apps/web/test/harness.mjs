// Test infrastructure for the web app's tests: real services on their own databases and NATS subject
// prefix (so tests never disturb `npm start`'s data or each other), and their cleanup.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const POSTGRES_URL = process.env.POSTGRES_URL || 'postgres://postgres:postgres@127.0.0.1:5432';
const NATS_URL = process.env.NATS_URL || 'nats://127.0.0.1:4222';

export function uniqueName(prefix) {
  return `${prefix}_${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Polls `check` until it returns a truthy value (or stops throwing); never sleeps a fixed time for a result. */
export async function eventually(check, { timeoutMs = 30_000, intervalMs = 200 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
      last = new Error('condition not met');
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw last;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Drops the test's databases (names must contain _test_) and deletes its streams. */
export async function cleanUp({ databases, subjectPrefix }) {
  const { default: pg } = await import('pg');
  const server = new URL(POSTGRES_URL);
  server.pathname = '/postgres';
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  try {
    for (const name of databases) {
      if (!name.includes('_test_')) throw new Error(`refusing to drop ${name}: not a test database`);
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
  const { connect } = await import('@nats-io/transport-node');
  const { jetstreamManager } = await import('@nats-io/jetstream');
  const nc = await connect({ servers: NATS_URL });
  try {
    const jsm = await jetstreamManager(nc);
    const names = [];
    for await (const info of jsm.streams.list(`${subjectPrefix}.>`)) names.push(info.config.name);
    await Promise.all(names.map((n) => jsm.streams.delete(n)));
  } finally {
    await nc.close();
  }
}

/** Environment for services of one test run: own ports, databases and subject prefix. */
export async function isolatedEnv(services, run = uniqueName('web')) {
  const env = { NATS_SUBJECT_PREFIX: run.replace(/_/g, '') };
  const databases = [];
  for (const service of services) {
    const db = `globac_test_${service}_${run.split('_').pop()}`;
    databases.push(db);
    env[`${service.toUpperCase()}_DATABASE_NAME`] = db;
    env[`${service.toUpperCase()}_PORT`] = String(await freePort());
  }
  return { env, databases, subjectPrefix: env.NATS_SUBJECT_PREFIX };
}

/**
 * Runs `npm start` (tools/start.mjs) with the given environment and waits (up to 5 minutes: the machine is
 * shared by several test runs) until it prints the web
 * app's address; returns it, the services' URLs, and a stop function (SIGTERM, as Ctrl-C does).
 */
export async function startAsNpmStart(extraEnv, { timeoutMs = 300_000 } = {}) {
  const child = spawn(process.execPath, [path.join(root, 'tools/start.mjs')], { cwd: root, env: { ...process.env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start was not ready within ${timeoutMs / 1000} s:\n${output}`)), timeoutMs);
    const onData = (chunk) => {
      output += chunk;
      const web = /^\s+web\s+(http:\/\/\S+)/m.exec(output);
      if (web) {
        clearTimeout(timer);
        const services = Object.fromEntries([...output.matchAll(/^\s+(\w+)\s+(http:\/\/[\d.:]+)\/api\s/gm)].map((m) => [m[1], m[2]]));
        resolve({ webUrl: web[1], services });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited (${code}):\n${output}`));
    });
  });
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
  try {
    return { ...(await ready), stop, output: () => output };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A valid organisation number of a legal entity, different each call (for registrations in tests). */
export function randomOrgNumber() {
  const digits = [5, 5, 6 + Math.floor(Math.random() * 4), ...Array.from({ length: 6 }, () => Math.floor(Math.random() * 10))];
  let sum = 0;
  digits.forEach((d, i) => {
    const v = d * (i % 2 === 0 ? 2 : 1);
    sum += v > 9 ? v - 9 : v;
  });
  const check = (10 - (sum % 10)) % 10;
  const s = [...digits, check].join('');
  return `${s.slice(0, 6)}-${s.slice(6)}`;
}

/** Debian's Chromium (or CHROMIUM_PATH): Playwright's own browser download does not work here. */
export function chromiumPath() {
  for (const candidate of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']) if (candidate && existsSync(candidate)) return candidate;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Launches headless Chromium for the browser tests. Without the background-networking flags Chromium
 * keeps calling hosts this machine cannot reach. `--lang=sv-SE` (with LANG/LANGUAGE) makes the
 * browser's own widgets Swedish, as a Swedish user's browser is: a native date input reads 2026-11-30,
 * not 11/30/2026. That needs Debian's `chromium-l10n` (its sv.pak; .ci/run installs it): with
 * `chromium` alone only en-US exists and neither the flag nor a context's `locale` changes the widgets.
 */
export async function launchChromium({ lang = 'sv-SE' } = {}) {
  const { chromium } = await import('playwright-core');
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error("Debian's chromium is not installed: apt-get install -y chromium (.ci/run does it)");
  const posix = `${lang.replace('-', '_')}.UTF-8`;
  return chromium.launch({
    executablePath,
    headless: true,
    env: { ...process.env, LANG: posix, LANGUAGE: lang.replace('-', '_') },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--lang=${lang}`],
  });
}
