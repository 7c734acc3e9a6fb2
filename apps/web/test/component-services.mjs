// Vitest global setup: the component tests of the forms talk to the real companies, events, trips
// and reporting services (their validation messages are what the forms must show), started here as processes on
// their own databases and NATS subject prefix, and stopped and dropped afterwards.
import { execFileSync, spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { signDevToken } from '../tools/dev-auth.mjs';
import { cleanUp, eventually, isolatedEnv, root } from './harness.mjs';

// trips and reporting: the company user's forms (apply for a trip, participation history).
const SERVICES = ['companies', 'events', 'trips', 'reporting'];

export default async function setup({ provide }) {
  execFileSync(process.execPath, [path.join(root, 'tools/build.mjs'), ...SERVICES], { stdio: 'ignore' });
  const isolation = await isolatedEnv(SERVICES);
  const children = [];
  const urls = {};
  for (const service of SERVICES) {
    const prefix = `${service.toUpperCase()}_`;
    const env = { PATH: process.env.PATH ?? '', NATS_SUBJECT_PREFIX: isolation.env.NATS_SUBJECT_PREFIX, OUTBOX_POLL_INTERVAL_MS: '200' };
    for (const [k, v] of Object.entries(isolation.env)) if (k.startsWith(prefix)) env[k.slice(prefix.length)] = v;
    for (const k of ['POSTGRES_URL', 'NATS_URL']) if (process.env[k]) env[k] = process.env[k];
    const child = spawn(process.execPath, [path.join(root, 'dist/apps', service, 'src/main.js')], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.once('exit', (code) => {
      if (code) process.stderr.write(`${service} exited with ${code}: ${stderr}\n`);
    });
    children.push(child);
    urls[service] = `http://127.0.0.1:${env.PORT}`;
  }
  const publisher = await startPublisher(isolation.env.NATS_SUBJECT_PREFIX);
  const stop = async () => {
    await publisher.close();
    await Promise.all(children.map((c) => new Promise((resolve) => (c.exitCode !== null ? resolve() : (c.once('exit', resolve), c.kill('SIGTERM'))))));
    await cleanUp(isolation);
  };
  try {
    for (const url of Object.values(urls)) await eventually(async () => (await fetch(`${url}/health/ready`)).ok, { timeoutMs: 90_000, intervalMs: 250 });
  } catch (error) {
    await stop();
    throw error;
  }
  provide('services', urls);
  provide('staffToken', await signDevToken({ role: 'staff' }));
  provide('financierToken', await signDevToken({ role: 'financier' }));
  provide('publisherUrl', publisher.url);
  return stop;
}

/**
 * The dashboard's tests publish integration events as the producing services do (an envelope on
 * `<prefix>.<producer>.<aggregate>.<event>.v<N>`, its id as `Nats-Msg-Id`). The app's code may not
 * import a NATS client (a server-side package, banned for type:web), so they POST the events here:
 * `[{ subject, envelope }]` with the subject without the prefix.
 */
async function startPublisher(subjectPrefix) {
  const { connect } = await import('@nats-io/transport-node');
  const { jetstream } = await import('@nats-io/jetstream');
  const nc = await connect({ servers: process.env.NATS_URL || 'nats://127.0.0.1:4222' });
  const js = jetstream(nc);
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', async () => {
      try {
        for (const { subject, envelope } of JSON.parse(body)) await js.publish(`${subjectPrefix}.${subject}`, JSON.stringify(envelope), { msgID: envelope.id });
        res.writeHead(204).end();
      } catch (error) {
        res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
      }
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await nc.close();
    },
  };
}
