import { ServiceConfig } from '@globac/config';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { MessagingTestModule } from './messaging-test.module';
import { queryDatabase, startTestService, type TestService, testInfrastructure, uniqueName } from './testing';

/** Fast retries and polling, so that tests finish in seconds. */
export const FAST_MESSAGING = {
  MESSAGING_RETRY_DELAY_MS: '50',
  MESSAGING_RETRY_MAX_DELAY_MS: '200',
  MESSAGING_MAX_DELIVERIES: '3',
  MESSAGING_ACK_WAIT_MS: '10000',
  OUTBOX_POLL_INTERVAL_MS: '200',
};

export type TestApp = TestService<ServiceConfig>;

export interface AppOptions {
  /** Subject prefix shared by the producer and consumer of one test. */
  prefix: string;
  natsUrl?: string;
  env?: Record<string, string>;
  /** Restart on the database of an earlier instance. */
  databaseName?: string;
}

export function newPrefix(): string {
  return uniqueName('t').replace(/_/g, '-');
}

export function startMessagingApp(role: 'producer' | 'consumer', options: AppOptions): Promise<TestApp> {
  return startTestService({
    service: role === 'producer' ? 'companies' : 'ledger',
    configClass: ServiceConfig,
    createModule: (config) => MessagingTestModule.forRole(config, role),
    env: {
      ...FAST_MESSAGING,
      NATS_SUBJECT_PREFIX: options.prefix,
      ...(options.natsUrl ? { NATS_URL: options.natsUrl } : {}),
      ...(options.databaseName ? { DATABASE_NAME: options.databaseName } : {}),
      ...options.env,
    },
  });
}

/** Rows of the consumer's ledger: how many, and how many distinct events (equal when nothing was handled twice). */
export async function ledgerCounts(app: TestApp, eventType = 'CompanyRegistered'): Promise<{ rows: number; events: number }> {
  const [row] = await queryDatabase<{ rows: number; events: number }>(
    app.config.DATABASE_NAME,
    'SELECT count(*)::int AS rows, count(DISTINCT event_id)::int AS events FROM ledger_entries WHERE event_type = $1',
    [eventType],
  );
  return row;
}

export async function outboxBacklog(app: TestApp): Promise<number> {
  const [row] = await queryDatabase<{ n: number }>(app.config.DATABASE_NAME, 'SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL');
  return row.n;
}

/** A connection of the test's own, to publish raw messages and inspect streams. */
export function natsClient(url = testInfrastructure.natsUrl): Promise<NatsConnection> {
  return connect({ servers: url });
}

/** Ledger rows whose label is one of `labels`: rows and distinct events. */
export async function ledgerOf(app: TestApp, labels: string[]): Promise<{ rows: number; events: number }> {
  const [row] = await queryDatabase<{ rows: number; events: number }>(
    app.config.DATABASE_NAME,
    'SELECT count(*)::int AS rows, count(DISTINCT event_id)::int AS events FROM ledger_entries WHERE label = ANY($1)',
    [labels],
  );
  return row;
}

/** The value of one sample in the app's /metrics (0 when absent). */
export async function metric(app: TestApp, name: string, labels: Record<string, string> = {}): Promise<number> {
  const text = (await app.http().get('/metrics').expect(200)).text;
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  let sum = 0;
  for (const line of text.split('\n')) {
    const m = /^([a-z_]+)(?:\{([^}]*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = (m[2] ?? '').split(',');
    if (want.every((w) => have.includes(w))) sum += Number(m[3]);
  }
  return sum;
}

export async function bearer(app: TestApp, role: 'admin' | 'staff'): Promise<string> {
  return `Bearer ${await app.token({ role })}`;
}
