// What the whole-system tests share: every service as a real process (its built entry) on its own
// database and one NATS subject prefix, requests to them as staff, and what a test needs of the
// streams those services fill: every message delivered again, and whether every consumer caught up.
import { randomUUID } from 'node:crypto';
import { signDevToken } from '@globac/auth';
import { ServiceConfig } from '@globac/config';
import { dropTestDatabase, eventually, freePort, type ServiceProcess, spawnService, testInfrastructure, uniqueName } from '@globac/testing';
import { jetstream, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { FAST_MESSAGING } from './reporting-app';

export type ServiceName = 'companies' | 'events' | 'trips' | 'reporting';

export interface SystemService {
  name: ServiceName;
  database: string;
  base: string;
  proc: ServiceProcess;
}

/** The environment of a service process in a whole-system test. */
function serviceEnv(database: string, port: number, prefix: string): Record<string, string> {
  return {
    ...FAST_MESSAGING,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    DATABASE_NAME: database,
    POSTGRES_URL: testInfrastructure.postgresUrl,
    NATS_URL: testInfrastructure.natsUrl,
    NATS_SUBJECT_PREFIX: prefix,
    // Memory streams: the test deletes them afterwards, and files would only slow a loaded machine.
    NATS_STREAM_STORAGE: 'memory',
    RATE_LIMIT_MAX: '100000',
  };
}

/** The services of one system: started on demand, restarted on the same database, stopped and dropped together. */
export class TestSystem {
  readonly prefix = uniqueName('t').replace(/_/g, '-');
  readonly services = new Map<ServiceName, SystemService>();
  private readonly databases = new Set<string>();
  private staffToken?: string;
  private adminToken?: string;

  /** Starts a service's process (or starts it again on its database after a kill) and waits until it is ready. */
  async start(name: ServiceName, env: Record<string, string> = {}): Promise<SystemService> {
    const database = this.services.get(name)?.database ?? uniqueName(`globac_test_${name}`);
    this.databases.add(database);
    const port = await freePort();
    const service: SystemService = { name, database, base: `http://127.0.0.1:${port}`, proc: spawnService(name, { ...serviceEnv(database, port, this.prefix), ...env }) };
    this.services.set(name, service);
    // A process that dies while starting (a migration failing, say) is reported with its output at once.
    const died = service.proc.exited.then((code) => {
      throw new Error(`${name} exited with ${code} while starting:\n${service.proc.output()}`);
    });
    died.catch(() => undefined);
    // Generous: four Nest processes booting and migrating at once on a shared 2-core machine.
    const ready = eventually(async () => expect((await fetch(`${service.base}/health/ready`).catch(() => undefined))?.status).toBe(200), {
      timeoutMs: 180_000,
      intervalMs: 200,
    }).catch((error: Error) => {
      throw new Error(`${name} was not ready: ${error.message}\n${service.proc.output()}`);
    });
    await Promise.race([ready, died]);
    return service;
  }

  get(name: ServiceName): SystemService {
    const service = this.services.get(name);
    if (!service) throw new Error(`${name} is not running`);
    return service;
  }

  async tokens(): Promise<{ staff: string; admin: string }> {
    // Every service checks tokens against the same development key in tests.
    const secret = new ServiceConfig().AUTH_DEV_SECRET;
    this.staffToken ??= await signDevToken({ role: 'staff' }, secret);
    this.adminToken ??= await signDevToken({ role: 'admin' }, secret);
    return { staff: this.staffToken, admin: this.adminToken };
  }

  /** A request as staff (or the given token); answers the parsed body, and throws on an unexpected status. */
  async call<T = Record<string, unknown>>(
    name: ServiceName,
    method: string,
    path: string,
    body?: unknown,
    options: { expected?: number[]; token?: string } = {},
  ): Promise<T> {
    const service = this.get(name);
    const token = options.token ?? (await this.tokens()).staff;
    const res = await fetch(`${service.base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!(options.expected ?? [200, 201, 202]).includes(res.status)) throw new Error(`${method} ${name}${path} answered ${res.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** Ends a process with the given signal and waits for it to be gone. */
  async kill(name: ServiceName, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | string> {
    const service = this.get(name);
    if (service.proc.child.exitCode === null && service.proc.child.signalCode === null) service.proc.child.kill(signal);
    return service.proc.exited;
  }

  /** Stops every process and drops every database this system made (the streams are the caller's: deleteTestStreams). */
  async stop(): Promise<void> {
    await Promise.all([...this.services.keys()].map((name) => this.kill(name)));
    await Promise.all([...this.databases].map((database) => dropTestDatabase(database)));
  }
}

/** The producers' streams of a prefix (not its dead letters): what the services publish through their outboxes. */
async function producerStreams(jsm: JetStreamManager, prefix: string): Promise<{ name: string; messages: number; lastSeq: number }[]> {
  const streams: { name: string; messages: number; lastSeq: number }[] = [];
  for await (const info of jsm.streams.list(`${prefix}.>`)) {
    if (info.config.subjects.some((s) => s.startsWith(`${prefix}.dead-letters`))) continue;
    streams.push({ name: info.config.name, messages: info.state.messages, lastSeq: info.state.last_seq });
  }
  return streams.sort((a, b) => a.name.localeCompare(b.name));
}

/** A NATS connection for the test's own look at the streams. */
export class StreamInspector {
  private constructor(
    private readonly nc: NatsConnection,
    private readonly jsm: JetStreamManager,
    readonly prefix: string,
  ) {}

  static async connect(prefix: string): Promise<StreamInspector> {
    const nc = await connect({ servers: testInfrastructure.natsUrl });
    return new StreamInspector(nc, await jetstreamManager(nc), prefix);
  }

  /** Messages per producer stream. */
  async counts(): Promise<Record<string, number>> {
    return Object.fromEntries((await producerStreams(this.jsm, this.prefix)).map((s) => [s.name, s.messages]));
  }

  /**
   * Publishes every message of the producers' streams once more, in stream order, with the same body
   * (so the same event id) and subject, but a new message id: JetStream keeps the copy, as after a
   * relay that crashed between publishing and marking its outbox row, beyond the duplicate window.
   * Answers how many were published again.
   */
  async deliverEverythingAgain(): Promise<number> {
    const js = jetstream(this.nc);
    let again = 0;
    for (const stream of await producerStreams(this.jsm, this.prefix)) {
      // Read by sequence up to the stream's end as it was now, so the copies are not read again.
      for (let seq = 1; seq <= stream.lastSeq; seq++) {
        const msg = await this.jsm.streams.getMessage(stream.name, { seq }).catch(() => null);
        if (!msg) continue;
        await js.publish(msg.subject, msg.data, { msgID: `again-${randomUUID()}` });
        again += 1;
      }
    }
    return again;
  }

  /**
   * Whether every durable consumer of the producers' streams (every service reading them) has had
   * every message delivered and acknowledged: then nothing published so far is still on its way.
   */
  async everyConsumerCaughtUp(): Promise<void> {
    for (const stream of await producerStreams(this.jsm, this.prefix)) {
      for await (const consumer of this.jsm.consumers.list(stream.name)) {
        expect({ stream: stream.name, consumer: consumer.name, pending: consumer.num_pending, unacknowledged: consumer.num_ack_pending }).toEqual({
          stream: stream.name,
          consumer: consumer.name,
          pending: 0,
          unacknowledged: 0,
        });
      }
    }
  }

  close(): Promise<void> {
    return this.nc.close();
  }
}
