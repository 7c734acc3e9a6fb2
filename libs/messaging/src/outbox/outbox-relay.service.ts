import { ServiceConfig } from '@globac/config';
import { databaseUrl } from '@globac/database';
import { HealthRegistry, MetricsService } from '@globac/observability';
import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MessagingMetrics } from '../messaging-metrics';
import { JETSTREAM_TIMEOUT_MS, NatsConnectionService } from '../nats/nats-connection.service';
import { backoffDelay, WakeSignal } from '../support/wake-signal';
import { OutboxListener } from './outbox-listener';
import { OUTBOX_CHANNEL } from './outbox.service';

interface OutboxRow {
  id: string;
  subject: string;
  event_type: string;
  envelope: string;
}

const HOUSEKEEPING_EVERY_MS = 3600_000;
const HOUSEKEEPING_CHUNK = 10_000;

/**
 * Publishes outbox rows to JetStream. It claims a batch with `FOR UPDATE SKIP LOCKED` (so that several
 * replicas share the work without publishing the same rows at once), publishes them concurrently with
 * the event id as `Nats-Msg-Id`, waits for every PubAck and marks the acknowledged rows published, in
 * one transaction. A crash after publishing and before the commit publishes the rows again, which
 * JetStream drops as duplicates within the duplicate window (and consumers' inboxes after it).
 * Wakes on NOTIFY, polls as a fallback, and backs off while NATS is away.
 */
@Injectable()
export class OutboxRelay implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Outbox');
  private readonly wake = new WakeSignal();
  private listener?: OutboxListener;
  private running = false;
  private loop?: Promise<void>;
  private lastHousekeeping = 0;
  private pendingBacklog?: Promise<{ count: number; oldestAgeSeconds: number }>;

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
    this.health.register('outbox', {
      critical: false,
      check: async () => {
        const { count, oldestAgeSeconds } = await this.backlog();
        return { status: 'up', backlog: count, oldestAgeSeconds };
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
  }

  /** Unpublished rows and the age of the oldest, for the gauge and the health details. */
  /**
   * Unpublished rows and the age of the oldest. Callers at the same moment share one query: a scrape
   * collects both backlog gauges at once.
   */
  backlog(): Promise<{ count: number; oldestAgeSeconds: number }> {
    this.pendingBacklog ??= this.dataSource
      .query(
        `SELECT count(*)::int AS count, coalesce(extract(epoch FROM now() - min(created_at)), 0)::float8 AS age
           FROM outbox WHERE published_at IS NULL`,
      )
      .then(([row]: { count: number; age: number }[]) => ({ count: row.count, oldestAgeSeconds: Math.max(0, Math.round(row.age * 1000) / 1000) }))
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
        const { claimed, published } = await this.publishBatch();
        if (published < claimed) throw new Error(`${claimed - published} of ${claimed} publishes failed`);
        if (failures) this.logger.log('publishing again');
        failures = 0;
        full = claimed === this.config.OUTBOX_BATCH_SIZE;
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

  /** Claims, publishes and marks one batch; returns how many rows it claimed and how many were acknowledged. */
  async publishBatch(): Promise<{ claimed: number; published: number }> {
    const js = await this.nats.jetstream();
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      // Marking rows published need not wait for the disk: if the mark is lost in a crash, the rows are
      // published again and dropped as duplicates (Nats-Msg-Id). This takes an fsync out of every cycle.
      await runner.query('SET LOCAL synchronous_commit TO OFF');
      const rows: OutboxRow[] = await runner.query(
        `SELECT id, subject, event_type, envelope::text AS envelope FROM outbox
          WHERE published_at IS NULL ORDER BY position LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.config.OUTBOX_BATCH_SIZE],
      );
      if (!rows.length) {
        await runner.commitTransaction();
        return { claimed: 0, published: 0 };
      }
      // Sent in order on one connection, so JetStream stores them in outbox order; acks are awaited together.
      const results = await Promise.allSettled(rows.map((row) => js.publish(row.subject, row.envelope, { msgID: row.id, timeout: JETSTREAM_TIMEOUT_MS })));
      const published: string[] = [];
      const failed: string[] = [];
      let firstError: string | undefined;
      results.forEach((result, i) => {
        const row = rows[i];
        if (result.status === 'fulfilled') {
          published.push(row.id);
          this.metrics.published.inc({ event_type: row.event_type });
        } else {
          failed.push(row.id);
          firstError ??= (result.reason as Error).message;
          this.metrics.publishErrors.inc({ event_type: row.event_type });
        }
      });
      if (published.length) await runner.query('UPDATE outbox SET published_at = now() WHERE id = ANY($1::uuid[])', [published]);
      if (failed.length) {
        await runner.query('UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1::uuid[])', [failed, firstError]);
      }
      await runner.commitTransaction();
      return { claimed: rows.length, published: published.length };
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
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
