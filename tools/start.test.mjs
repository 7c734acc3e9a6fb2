// `npm start` refuses at once, saying which server, where and how to start it, when a configured
// Postgres or NATS does not answer (the unreachable ports are free ones, asked of the OS).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const start = path.join(path.dirname(fileURLToPath(import.meta.url)), 'start.mjs');

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function run(env) {
  return spawnSync(process.execPath, [start], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 30_000 });
}

test('an unreachable POSTGRES_URL stops npm start with where and how', async () => {
  const port = await freePort();
  const result = run({ POSTGRES_URL: `postgres://postgres@127.0.0.1:${port}` });
  assert.equal(result.status, 1);
  assert.match(result.stderr, new RegExp(`cannot reach Postgres at 127\\.0\\.0\\.1:${port} \\(POSTGRES_URL\\)`));
  assert.match(result.stderr, /docker compose up -d postgres/);
});

test('an unreachable NATS_URL stops npm start with where and how', async () => {
  const port = await freePort();
  const result = run({ NATS_URL: `nats://127.0.0.1:${port}` });
  assert.equal(result.status, 1);
  assert.match(result.stderr, new RegExp(`cannot reach NATS at 127\\.0\\.0\\.1:${port} \\(NATS_URL\\)`));
  assert.match(result.stderr, /docker compose up -d nats/);
});
