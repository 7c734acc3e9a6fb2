import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Where the NATS server binary is on these machines; override with NATS_SERVER_BIN. */
export const NATS_SERVER_BIN = process.env.NATS_SERVER_BIN || '/usr/sbin/nats-server';

export interface PrivateNatsServer {
  /** `nats://127.0.0.1:<port>`: the same across restarts. */
  readonly url: string;
  readonly port: number;
  /** The JetStream store directory: the same across restarts, so file-stored streams survive them. */
  readonly storeDir: string;
  readonly running: boolean;
  /** Stops the server (SIGTERM, then SIGKILL after 5 s) and waits for it to exit. */
  stop(): Promise<void>;
  /** Starts it again on the same port with the same store and waits until it is ready. */
  start(): Promise<void>;
  restart(): Promise<void>;
  /** Stops it and deletes its store. */
  dispose(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a private `nats-server` with JetStream on a free port and its own store directory, for tests
 * that stop or restart NATS (never the shared server on 4222, which other tests use).
 */
export async function startPrivateNatsServer(): Promise<PrivateNatsServer> {
  const port = await freePort();
  const storeDir = await mkdtemp(path.join(tmpdir(), 'globac-nats-'));
  let child: ChildProcess | undefined;

  const start = async () => {
    if (child) return;
    const proc = spawn(NATS_SERVER_BIN, ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', storeDir], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child = proc;
    let log = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => fail(new Error(`nats-server not ready within 15 s:\n${log}`)), 15_000);
      function fail(error: Error) {
        clearTimeout(timer);
        proc.kill('SIGKILL');
        reject(error);
      }
      proc.once('error', fail);
      proc.once('exit', (code) => {
        if (child === proc) child = undefined;
        fail(new Error(`nats-server exited with ${code}:\n${log}`));
      });
      // The server logs "Server is ready" once JetStream has recovered its store and clients may connect.
      const onData = (chunk: Buffer) => {
        log += chunk.toString();
        if (!log.includes('Server is ready')) return;
        clearTimeout(timer);
        proc.removeAllListeners('exit');
        proc.once('exit', () => {
          if (child === proc) child = undefined;
        });
        // Keep reading (and dropping) its log, or a full pipe would block the server.
        proc.stderr!.off('data', onData);
        proc.stderr!.resume();
        resolve();
      };
      proc.stderr!.on('data', onData);
    }).catch((error) => {
      child = undefined;
      throw error;
    });
  };

  const stop = async () => {
    const proc = child;
    if (!proc) return;
    child = undefined;
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };

  await start();
  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    storeDir,
    get running() {
      return child !== undefined;
    },
    stop,
    start,
    restart: async () => {
      await stop();
      await start();
    },
    dispose: async () => {
      await stop();
      await rm(storeDir, { recursive: true, force: true });
    },
  };
}
