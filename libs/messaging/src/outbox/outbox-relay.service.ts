import { ServiceConfig } from '@globac/config';
import { databaseUrl } from '@globac/database';
import { HealthRegistry, MetricsService } from '@globac/observability';
import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MessagingMetrics } from '../messaging-metrics';
import { producerStreamName } from '../nats/naming';
import { JETSTREAM_TIMEOUT_MS, NatsConnectionService } from '../nats/nats-connection.service';
import { backoffDelay, WakeSignal } from '../support/wake-signal';
import { OutboxListener } from './outbox-listener';
import { OUTBOX_CHANNEL } from './outbox.service';
import { type PublishResult, VerifiedPublisher } from './verified-publisher';

interface OutboxRow {
  id: string;
  subject: string;
  event_type: string;
  envelope: string;
  attempts: number;
}

/** What one batch of the relay did. */
export interface RelayBatchResult {
  claimed: number;
  published: number;
  /** Refused publishes (counted against their rows, which wait their backoff). */
  refused: number;
  /** Rows set aside as failed in this batch. */
  setAside: number;
  /** Publishes without any answer: NATS trouble, which slows the relay rather than counting against rows. */
  unanswered: number;
  firstError?: string;
}

const HOUSEKEEPING_EVERY_MS = 3600_000;
const HOUSEKEEPING_CHUNK = 10_000;

/**
 * Publishes outbox rows to JetStream. It claims a batch with `FOR UPDATE SKIP LOCKED` (so that several
 * replicas share the work without publishing the same rows at once), publishes them concurrently with
 * the event id as `Nats-Msg-Id`, waits for every acknowledgement and marks the acknowledged rows
 * published, in one transaction. Only an acknowledgement naming the row's stream and a sequence counts
 * (see `VerifiedPublisher`). A crash after publishing and before the commit publishes the rows again,
 * which JetStream drops as duplicates within the duplicate window (and consumers' inboxes after it).
 *
 * A refused publish counts against its row, which waits a backoff before its next try; after
 * `OUTBOX_MAX_ATTEMPTS` refusals the row is set aside as failed (`failed_at`) for an admin to retry,
 * and the claim skips it. Publishes that get no answer at all (NATS away or overloaded) count against
 * no row: they back the whole relay off instead. Wakes on NOTIFY, polls as a fallback.
 */
@Injectable()
export class OutboxRelay implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Outbox');
  private readonly wake = new WakeSignal();
  private listener?: OutboxListener;
  private running = false;
  private loop?: Promise<void>;
  private lastHousekeeping = 0;
  private pendingBacklog?: Promise<{ count: number; oldestAgeSeconds: number; failed: number }>;
  private publisher?: VerifiedPublisher;

  constructor(
    private readonly config: ServiceConfig,
    private readonly dataSource: DataSource,
    private readonly nats: NatsConnectionService,
    private readonly metrics: MessagingMetrics,
    private readonly registry: MetricsService,
    private readonly health: HealthRegistry,
  ) {}

  onModuleInit() {
    const backlog = () => this.backlog();
    this.registry.gauge('messaging_outbox_backlog', 'Outbox rows not yet published to JetStream.', [], async function () {
      const value = await backlog().catch(() => undefined);
      if (value) this.set(value.count);
    });
    this.registry.gauge('messaging_outbox_oldest_age_seconds', 'Age of the oldest unpublished outbox row (0 when none).', [], async function () {
      const value = await backlog().catch(() => undefined);
      if (value) this.set(value.oldestAgeSeconds);
    });
    this.registry.gauge(
      'messaging_outbox_failed',
      'Outbox rows set aside after OUTBOX_MAX_ATTEMPTS refused publishes; they wait for an admin to retry them.',
      [],
      async function () {
        const value = await backlog().catch(() => undefined);
        if (value) this.set(value.failed);
      },
    );
    this.health.register('outbox', {
      critical: false,
      check: async () => {
        const { count, oldestAgeSeconds, failed } = await this.backlog();
        return { status: 'up', backlog: count, oldestAgeSeconds, failed };
      },
    });
  }

  onApplicationBootstrap() {
    this.running = true;
    this.listener = new OutboxListener(databaseUrl(this.config.POSTGRES_URL, this.config.DATABASE_NAME), OUTBOX_CHANNEL, () => this.wake.notify());
    this.listener.start();
    this.nats.onConnected(() => this.wake.notify());
    this.loop = this.run();
  }

  /** Stops after the batch in flight; unpublished rows wait for the next start (of any replica). */
  async onModuleDestroy() {
    this.running = false;
    this.wake.notify();
    await this.loop;
    await this.listener?.stop();
    this.publisher?.close();
  }

  /** Wakes the relay now (rows were put back to pending). */
  wakeUp(): void {
    this.wake.notify();
  }

  /**
   * Pending rows (not published, not set aside) and the age of the oldest, and the rows set aside as
   * failed. Callers at the same moment share one query: a scrape collects all the gauges at once.
   */
  backlog(): Promise<{ count: number; oldestAgeSeconds: number; failed: number }> {
    this.pendingBacklog ??= this.dataSource
      .query(
        // Each part matches a partial index (pending, failed): published rows, kept for days, are not scanned.
        `SELECT (SELECT count(*) FROM outbox WHERE published_at IS NULL AND failed_at IS NULL)::int AS count,
                coalesce(extract(epoch FROM now() - (SELECT min(created_at) FROM outbox WHERE published_at IS NULL AND failed_at IS NULL)), 0)::float8 AS age,
                (SELECT count(*) FROM outbox WHERE published_at IS NULL AND failed_at IS NOT NULL)::int AS failed`,
      )
      .then(([row]: { count: number; age: number; failed: number }[]) => ({
        count: row.count,
        oldestAgeSeconds: Math.max(0, Math.round(row.age * 1000) / 1000),
        failed: row.failed,
      }))
      .finally(() => {
        this.pendingBacklog = undefined;
      });
    return this.pendingBacklog;
  }


  private async run() {
    let failures = 0;
    while (this.running) {
      // Database work only: it goes on while NATS is away.
      await this.housekeeping();
      if (!this.nats.isConnected) {
        // Woken by the reconnect; the poll interval bounds the wait in any case.
        await this.wake.wait(this.config.OUTBOX_POLL_INTERVAL_MS);
        continue;
      }
      let full = false;
      try {
        const batch = await this.publishBatch();
        // Refusals are the rows' own fault and wait their own backoff; only silence means NATS trouble.
        if (batch.unanswered) throw new Error(`${batch.unanswered} of ${batch.claimed} publishes got no answer: ${batch.firstError}`);
        if (batch.refused > batch.setAside) this.logger.warn(`${batch.refused - batch.setAside} publishes refused, tried again after a backoff: ${batch.firstError}`);
        if (failures) this.logger.log('publishing again');
        failures = 0;
        full = batch.claimed === this.config.OUTBOX_BATCH_SIZE;
      } catch (error) {
        failures++;
        if (failures === 1 || failures % 20 === 0) this.logger.warn(`outbox publish failed (${failures}x): ${(error as Error).message}`);
        await this.wake.wait(backoffDelay(failures, 200, 5000));
        // A notification during the backoff must not skip it.
        continue;
      }
      if (!full) await this.wake.wait(this.config.OUTBOX_POLL_INTERVAL_MS);
    }
  }

  /** Claims, publishes and marks one batch of pending rows whose backoff is over. */
  async publishBatch(): Promise<RelayBatchResult> {
    const publisher = await this.verifiedPublisher();
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      // Marking rows published need not wait for the disk: if the mark is lost in a crash, the rows are
      // published again and dropped as duplicates (Nats-Msg-Id). This takes an fsync out of every cycle.
      await runner.query('SET LOCAL synchronous_commit TO OFF');
      const rows: OutboxRow[] = await runner.query(
        `SELECT id, subject, event_type, envelope::text AS envelope, attempts FROM outbox
          WHERE published_at IS NULL AND failed_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= now())
          ORDER BY position LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.config.OUTBOX_BATCH_SIZE],
      );
      const result: RelayBatchResult = { claimed: rows.length, published: 0, refused: 0, setAside: 0, unanswered: 0 };
      if (!rows.length) {
        await runner.commitTransaction();
        return result;
      }
      // Sent in order on one connection, so JetStream stores them in outbox order; acks are awaited together.
      const results = await publisher.publishAll(
        rows.map((row) => ({ subject: row.subject, data: row.envelope, msgId: row.id, expectedStream: this.streamOf(row.subject) })),
        JETSTREAM_TIMEOUT_MS,
      );
      const published: string[] = [];
      const refused: { id: string; error: string; setAside: boolean; delayMs: number }[] = [];
      const unanswered: string[] = [];
      results.forEach((outcome: PublishResult, i) => {
        const row = rows[i];
        if (outcome.kind === 'acknowledged') {
          published.push(row.id);
          this.metrics.published.inc({ event_type: row.event_type });
          return;
        }
        this.metrics.publishErrors.inc({ event_type: row.event_type });
        result.firstError ??= outcome.error;
        if (outcome.kind === 'unanswered') {
          unanswered.push(row.id);
          return;
        }
        const attempts = row.attempts + 1;
        const setAside = attempts >= this.config.OUTBOX_MAX_ATTEMPTS;
        refused.push({
          id: row.id,
          error: outcome.error,
          setAside,
          delayMs: backoffDelay(attempts, this.config.MESSAGING_RETRY_DELAY_MS, this.config.MESSAGING_RETRY_MAX_DELAY_MS),
        });
        if (setAside) {
          this.metrics.outboxFailed.inc({ event_type: row.event_type });
          this.logger.error(`outbox row ${row.id} (${row.event_type}) set aside after ${attempts} refused publishes: ${outcome.error}`);
        }
      });
      if (published.length) await runner.query('UPDATE outbox SET published_at = now() WHERE id = ANY($1::uuid[])', [published]);
      if (refused.length) {
        await runner.query(
          `UPDATE outbox o SET attempts = o.attempts + 1, last_error = r.error,
                  next_attempt_at = now() + make_interval(secs => r.delay_ms / 1000.0),
                  failed_at = CASE WHEN r.set_aside THEN now() END
             FROM unnest($1::uuid[], $2::text[], $3::boolean[], $4::float8[]) AS r(id, error, set_aside, delay_ms)
            WHERE o.id = r.id`,
          [refused.map((r) => r.id), refused.map((r) => r.error), refused.map((r) => r.setAside), refused.map((r) => r.delayMs)],
        );
      }
      // No attempt counted: NATS did not answer, which says nothing about the row.
      if (unanswered.length) await runner.query('UPDATE outbox SET last_error = $2 WHERE id = ANY($1::uuid[])', [unanswered, result.firstError]);
      await runner.commitTransaction();
      result.published = published.length;
      result.refused = refused.length;
      result.setAside = refused.filter((r) => r.setAside).length;
      result.unanswered = unanswered.length;
      return result;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  /** The stream that must store a subject: the producer's, named by the subject's second token. */
  private streamOf(subject: string): string {
    const prefix = `${this.config.NATS_SUBJECT_PREFIX}.`;
    const rest = subject.startsWith(prefix) ? subject.slice(prefix.length) : subject;
    return producerStreamName(this.config.NATS_SUBJECT_PREFIX, rest.split('.')[0]);
  }

  private async verifiedPublisher(): Promise<VerifiedPublisher> {
    const nc = await this.nats.get();
    if (!this.publisher?.servesConnection(nc)) {
      this.publisher?.close();
      this.publisher = new VerifiedPublisher(nc);
    }
    return this.publisher;
  }

  // Published rows are kept OUTBOX_RETENTION_MS for inspection, then deleted in chunks.
  private async housekeeping() {
    if (Date.now() - this.lastHousekeeping < Math.min(HOUSEKEEPING_EVERY_MS, Math.max(this.config.OUTBOX_RETENTION_MS, 60_000))) return;
    this.lastHousekeeping = Date.now();
    try {
      let deleted = 0;
      for (;;) {
        const result = await this.dataSource.query(
          `DELETE FROM outbox WHERE id IN (
             SELECT id FROM outbox WHERE published_at < now() - make_interval(secs => $1::float8 / 1000) LIMIT ${HOUSEKEEPING_CHUNK})`,
          [this.config.OUTBOX_RETENTION_MS],
        );
        const count = Array.isArray(result) ? Number(result[1] ?? 0) : 0;
        deleted += count;
        if (count < HOUSEKEEPING_CHUNK || !this.running) break;
      }
      if (deleted) this.logger.log(`deleted ${deleted} published outbox rows older than the retention`);
    } catch (error) {
      this.logger.warn(`outbox housekeeping failed: ${(error as Error).message}`);
    }
  }
}
