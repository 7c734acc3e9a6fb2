// What the benchmarks share to run a service: start a built service (or any Node script) as a process
// and wait for it to answer, stop it, and clean up its database and streams afterwards.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import pg from 'pg';
import { root } from './report.mjs';

export const POSTGRES_URL = (process.env.POSTGRES_URL || 'postgres://postgres:postgres@127.0.0.1:5432').replace(/\/$/, '');
export const NATS_URL = process.env.NATS_URL || 'nats://127.0.0.1:4222';

/** Builds dist/ and returns a development token of the given role. */
export function buildAndToken(role = 'staff') {
  execFileSync(process.execPath, [path.join(root, 'tools/build.mjs')], { stdio: 'ignore' });
  return execFileSync(process.execPath, [path.join(root, 'dist/libs/auth/src/cli/token.js'), '--role', role], { encoding: 'utf8' }).trim();
}

/** A built service's entry: `node dist/apps/<service>/src/main.js`. */
export const serviceEntry = (service) => [path.join(root, 'dist/apps', service, 'src/main.js')];

/**
 * Starts `node <args>` with extra environment and resolves with the child once `readyUrl` answers 2xx
 * (60 s at most; an early exit fails at once). `node` defaults to the Node running the bench.
 */
export async function startProcess(args, env, readyUrl, node = process.execPath) {
  const child = spawn(node, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}`);
    try {
      if ((await fetch(readyUrl)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`${readyUrl} did not answer within 60 s`);
}

/**
 * CPU time (user + system) a process has used so far, in microseconds, read from /proc; undefined
 * where there is no /proc. Unlike requests per second it does not depend on how much of the machine
 * the load generator leaves the server.
 */
export function cpuMicros(pid) {
  try {
    // Fields 14 and 15 of /proc/<pid>/stat, after the command name (which may hold spaces) in parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100; // USER_HZ on the Linux builds Node runs on
  }
})();

/** SIGTERM, then wait for the exit. */
export function stopProcess(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

/** Drops a bench's database, ending any connection still open to it. */
export async function dropDatabase(name) {
  const client = new pg.Client({ connectionString: `${POSTGRES_URL}/postgres` });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** Deletes the streams holding a bench's subject prefix: the shared NATS server outlives the bench. */
export async function deleteStreams(subjectPrefix) {
  const nc = await connect({ servers: NATS_URL.split(',') });
  try {
    const jsm = await jetstreamManager(nc);
    const names = [];
    for await (const info of jsm.streams.list(`${subjectPrefix}.>`)) names.push(info.config.name);
    await Promise.all(names.map((name) => jsm.streams.delete(name)));
  } finally {
    await nc.close();
  }
}
