// What the reporting service's end-to-end tests share: the real app on its own database and subject
// prefix, tokens per role, SQL against its database, and a publisher of prepared integration events.
import { randomUUID } from 'node:crypto';
import { allContracts, contractOf, createEnvelope, type EventClass, type IntegrationEventEnvelope, subjectOf } from '@globac/contracts';
import { eventually, queryDatabase, startTestService, type TestService, testInfrastructure } from '@globac/testing';
import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { AppModule } from '../../src/app.module';
import { ReportingConfig } from '../../src/reporting.config';

/** Fast retries, so that an event arriving before what it needs is applied within the test's patience. */
export const FAST_MESSAGING = { MESSAGING_RETRY_DELAY_MS: '50', MESSAGING_RETRY_MAX_DELAY_MS: '200', OUTBOX_POLL_INTERVAL_MS: '200' };

export type ReportingApp = TestService<ReportingConfig> & {
  tokens: { staff: string; financier: string; admin: string };
  companyToken: (companyId: string) => Promise<string>;
  sql: <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;
};

export async function startReportingApp(
  options: { env?: Record<string, string>; reuse?: { databaseName: string; subjectPrefix: string } } = {},
): Promise<ReportingApp> {
  const service = await startTestService({
    service: 'reporting',
    configClass: ReportingConfig,
    createModule: (config) => AppModule.forRoot(config),
    env: { ...FAST_MESSAGING, ...options.env },
    reuse: options.reuse,
  });
  const [staff, financier, admin] = await Promise.all([
    service.token({ role: 'staff' }),
    service.token({ role: 'financier' }),
    service.token({ role: 'admin' }),
  ]);
  return {
    ...service,
    tokens: { staff, financier, admin },
    companyToken: (companyId) => service.token({ role: 'company', companyId, subject: `user-of-${companyId}` }),
    sql: (text, params = []) => queryDatabase(service.config.DATABASE_NAME, text, params),
  };
}

/** An integration event ready to publish: made once, so that it can be published again unchanged. */
export function envelope<T extends object>(contract: EventClass<T>, data: T, occurredOn: Date | string = new Date()): IntegrationEventEnvelope<T> {
  return createEnvelope(contract, data, { id: randomUUID(), source: contractOf(contract).producer, occurredOn });
}

/** Publishes prepared envelopes on a test's subject prefix as the producers' relays would. */
export class EventPublisher {
  private constructor(
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    readonly prefix: string,
  ) {}

  static async connect(prefix: string): Promise<EventPublisher> {
    const nc = await connect({ servers: testInfrastructure.natsUrl });
    return new EventPublisher(nc, jetstream(nc), prefix);
  }

  /**
   * Publishes in the given order. `redeliver` uses a new message id, so JetStream keeps the copy and the
   * service receives the same event again (as after a relay's crash beyond the duplicate window).
   */
  async publish(events: readonly IntegrationEventEnvelope<unknown>[], options: { redeliver?: boolean; concurrency?: number } = {}): Promise<void> {
    const one = (event: IntegrationEventEnvelope<unknown>) => {
      const msgID = options.redeliver ? `again-${randomUUID()}` : event.id;
      // Retried until the stream exists: the service creates the streams it reads as it starts.
      return eventually(() => this.js.publish(subjectOf(this.prefix, { subject: subjectFor(event) }), JSON.stringify(event), { msgID }));
    };
    // In order by default; a burst may go several at a time (its order then does not matter).
    const concurrency = options.concurrency ?? 1;
    for (let i = 0; i < events.length; i += concurrency) await Promise.all(events.slice(i, i + concurrency).map(one));
  }

  close(): Promise<void> {
    return this.nc.close();
  }
}

function subjectFor(event: IntegrationEventEnvelope<unknown>): string {
  const contract = SUBJECTS.get(`${event.type}.v${event.version}`);
  if (!contract) throw new Error(`no contract for ${event.type} v${event.version}`);
  return contract;
}

const SUBJECTS = new Map(allContracts().map((c) => [`${c.type}.v${c.version}`, c.subject]));

/** Waits until the service has handled (or skipped as duplicates) every one of these events. */
export async function waitUntilHandled(app: ReportingApp, events: readonly IntegrationEventEnvelope<unknown>[], timeoutMs = 60_000): Promise<void> {
  const ids = events.map((e) => e.id);
  await eventually(
    async () => {
      const [{ n }] = await app.sql<{ n: number }>(`SELECT count(*)::int AS n FROM inbox WHERE event_id = ANY($1::uuid[])`, [ids]);
      expect(n).toBe(new Set(ids).size);
    },
    { timeoutMs, intervalMs: 100 },
  );
}

/** A deterministic shuffle (the same seed, the same order), so that a failure can be reproduced. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  const next = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
