import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { backoffDelay, WakeSignal } from '../support/wake-signal';
import type { DeadLetterReplayJobDto, ReplayFailureDto } from './dead-letter.dto';
import { DeadLetterReplayNotFoundException, DeadLetterReplayRunningException } from './dead-letter.exceptions';
import { DeadLetterService } from './dead-letter.service';

/** A running job whose owner has not written for this long is taken over by another replica. */
export const REPLAY_STALE_AFTER_MS = 30_000;
/** How often each replica looks for a job without a live owner. */
const TAKEOVER_SCAN_MS = 5000;
/** How often a running job shows it is alive, besides every batch it writes. */
const HEARTBEAT_MS = 5000;
/** Failures kept in the job's report; the count goes on beyond it. */
const FAILURES_KEPT = 100;

interface JobRow {
  id: string;
  status: 'running' | 'completed';
  requested_by: string | null;
  until_sequence: string;
  cursor: string;
  total: number;
  processed: number;
  replayed: number;
  failed: number;
  failures: ReplayFailureDto[];
  error: string | null;
  created_at: Date;
  updated_at: Date;
  finished_at: Date | null;
}

const UNIQUE_VIOLATION = '23505';

/**
 * Replays of all of a service's dead letters, as background jobs. A job's state lives in the
 * service's database (`dead_letter_replays`), so any replica answers for its progress and one job at a
 * time runs per service (a unique index on the running one). The replica that runs a job owns it and
 * writes a heartbeat; a replica that stops releases it, and a running job whose owner is silent for
 * `REPLAY_STALE_AFTER_MS` (a crash) is taken over by another replica, or by the same service after a
 * restart. A job works through the dead letters that existed when it started (up to `until_sequence`),
 * oldest first, in batches; it resumes after the last sequence it wrote, and a batch replayed twice
 * after a crash finds its events in the inbox and changes nothing.
 */
@Injectable()
export class DeadLetterReplays implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Messaging');
  /** This process, as the owner of the jobs it runs. */
  private readonly replica = randomUUID();
  private readonly running = new Map<string, Promise<void>>();
  private readonly wake = new WakeSignal();
  private stopped = false;
  private scanTimer?: NodeJS.Timeout;
  private scanning?: Promise<void>;
  private scanFailing = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly deadLetters: DeadLetterService,
  ) {}

  onApplicationBootstrap() {
    const scan = () => {
      this.scanning = this.takeOver().finally(() => {
        if (!this.stopped) this.scanTimer = setTimeout(scan, TAKEOVER_SCAN_MS);
      });
    };
    scan();
  }

  /** Stops the jobs of this replica after their batch in flight and releases them for another replica or the next start. */
  async onModuleDestroy() {
    this.stopped = true;
    clearTimeout(this.scanTimer);
    this.wake.notify();
    await this.scanning;
    await Promise.all(this.running.values());
  }

  /** Starts a replay of all dead letters; throws DeadLetterReplayRunningException when one runs already. */
  async start(requestedBy: string | undefined): Promise<DeadLetterReplayJobDto> {
    const reader = await this.deadLetters.reader();
    const extent = await reader.extent();
    const id = randomUUID();
    try {
      await this.dataSource.query(
        `INSERT INTO dead_letter_replays (id, status, requested_by, until_sequence, cursor, total, owner, heartbeat_at)
         VALUES ($1, 'running', $2, $3, $4, $5, $6, now())`,
        [id, requestedBy ?? null, extent?.lastSeq ?? 0, extent ? extent.firstSeq - 1 : 0, extent?.total ?? 0, this.replica],
      );
    } catch (error) {
      if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
      const [running] = await this.dataSource.query("SELECT id FROM dead_letter_replays WHERE status = 'running'");
      throw new DeadLetterReplayRunningException(running?.id);
    }
    this.logger.log(`replay of all dead letters ${id} started (${extent?.total ?? 0})`);
    this.launch(id);
    return this.get(id);
  }

  async get(id: string): Promise<DeadLetterReplayJobDto> {
    const [row]: JobRow[] = await this.dataSource.query('SELECT * FROM dead_letter_replays WHERE id = $1', [id]);
    if (!row) throw new DeadLetterReplayNotFoundException(id);
    return toDto(row);
  }

  private async takeOver() {
    if (this.stopped) return;
    try {
      const rows: { id: string }[] = await this.dataSource.query(
        `UPDATE dead_letter_replays SET owner = $1, heartbeat_at = now()
          WHERE status = 'running' AND (owner IS NULL OR heartbeat_at < now() - make_interval(secs => $2::float8 / 1000))
          RETURNING id`,
        [this.replica, REPLAY_STALE_AFTER_MS],
      ).then((result: unknown) => (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as { id: string }[]);
      this.scanFailing = false;
      for (const { id } of rows) {
        if (this.running.has(id)) continue;
        this.logger.log(`taking over replay of all dead letters ${id}`);
        this.launch(id);
      }
    } catch (error) {
      // Once per outage: the database being away is reported elsewhere.
      if (!this.scanFailing) this.logger.warn(`cannot look for replays to take over: ${(error as Error).message}`);
      this.scanFailing = true;
    }
  }

  private launch(id: string) {
    const run = this.run(id)
      .catch((error: unknown) => this.logger.error(`replay ${id} stopped: ${(error as Error).message}`))
      .finally(() => this.running.delete(id));
    this.running.set(id, run);
  }

  private async run(id: string) {
    const heartbeat = setInterval(() => {
      void this.dataSource
        .query('UPDATE dead_letter_replays SET heartbeat_at = now() WHERE id = $1 AND owner = $2', [id, this.replica])
        .catch(() => undefined);
    }, HEARTBEAT_MS);
    let failures = 0;
    try {
      while (!this.stopped) {
        const [job]: JobRow[] = await this.dataSource.query('SELECT * FROM dead_letter_replays WHERE id = $1', [id]);
        if (!job || job.status !== 'running') return;
        try {
          const done = await this.work(job);
          if (done === 'lost') return;
          if (done === 'finished') {
            await this.dataSource.query(
              "UPDATE dead_letter_replays SET status = 'completed', finished_at = now(), updated_at = now(), owner = NULL WHERE id = $1 AND owner = $2",
              [id, this.replica],
            );
            this.logger.log(`replay of all dead letters ${id} completed`);
            return;
          }
          failures = 0;
        } catch (error) {
          // NATS or the database away: keep the job, note why, try again after a while.
          failures++;
          const message = (error as Error).message;
          if (failures === 1 || failures % 20 === 0) this.logger.warn(`replay ${id} interrupted (${failures}x): ${message}`);
          await this.dataSource
            .query('UPDATE dead_letter_replays SET error = $3, updated_at = now() WHERE id = $1 AND owner = $2', [id, this.replica, message])
            .catch(() => undefined);
          await this.wake.wait(backoffDelay(failures, 500, 10_000));
        }
      }
      // Stopping: release it, so that another replica (or the next start) goes on at once.
      await this.dataSource
        .query('UPDATE dead_letter_replays SET owner = NULL, heartbeat_at = NULL WHERE id = $1 AND owner = $2', [id, this.replica])
        .catch(() => undefined);
    } finally {
      clearInterval(heartbeat);
    }
  }

  /**
   * Replays from the job's cursor until it is stopped or reaches its end, writing progress after every
   * batch. 'lost' when another replica owns the job now.
   */
  private async work(job: JobRow): Promise<'finished' | 'lost' | 'stopped'> {
    const reader = await this.deadLetters.reader();
    const until = Number(job.until_sequence);
    // Nothing was there at the start, or the stream is gone.
    if (Number(job.cursor) >= until || !(await reader.extent())) return 'finished';
    let kept = job.failures.length;
    for await (const batch of reader.read(Number(job.cursor) + 1, Number.MAX_SAFE_INTEGER, until)) {
      const { replayed, failed: allFailed, firstTransient } = await this.deadLetters.replayBatch(batch);
      // A failure for the database being away is no verdict on the message: the job stops before it
      // and tries again from there after a backoff. Those replayed are removed either way.
      const failed = firstTransient === undefined ? allFailed : allFailed.filter((f) => f.sequence < firstTransient);
      const cursor = firstTransient === undefined ? batch[batch.length - 1].seq : firstTransient - 1;
      const result = await this.dataSource.query(
        `UPDATE dead_letter_replays
            SET cursor = greatest(cursor, $3), processed = processed + $4, replayed = replayed + $5, failed = failed + $6,
                failures = failures || $7::jsonb,
                error = NULL, heartbeat_at = now(), updated_at = now()
          WHERE id = $1 AND owner = $2`,
        [
          job.id,
          this.replica,
          cursor,
          replayed.length + failed.length,
          replayed.length,
          failed.length,
          JSON.stringify(failed.slice(0, FAILURES_KEPT - kept)),
        ],
      );
      kept = Math.min(FAILURES_KEPT, kept + failed.length);
      if (Number(Array.isArray(result) ? result[1] : 0) === 0) return 'lost';
      if (firstTransient !== undefined) throw new Error(`the database failed while replaying dead letter ${firstTransient}; trying again`);
      if (this.stopped) return 'stopped';
    }
    return 'finished';
  }
}

function toDto(row: JobRow): DeadLetterReplayJobDto {
  return {
    id: row.id,
    status: row.status,
    total: row.total,
    processed: row.processed,
    replayed: row.replayed,
    failed: row.failed,
    failures: row.failures,
    lastError: row.error,
    requestedBy: row.requested_by,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
  };
}
