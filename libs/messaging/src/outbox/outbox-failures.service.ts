import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { FailedOutboxRowDto } from './failed-outbox-row.dto';
import { FailedOutboxRowNotFoundException } from './outbox.exceptions';
import { OutboxRelay } from './outbox-relay.service';

const ENVELOPE_SHOWN = 4096;

interface FailedRow {
  id: string;
  subject: string;
  event_type: string;
  event_version: number;
  attempts: number;
  last_error: string | null;
  occurred_on: Date;
  created_at: Date;
  failed_at: Date;
  envelope: string;
}

/**
 * Outbox rows the relay set aside after `OUTBOX_MAX_ATTEMPTS` refused publishes: listed for admins, and
 * put back to pending (attempts from zero) once the cause is fixed, e.g. the stream that stores them
 * exists again.
 */
@Injectable()
export class OutboxFailuresService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly relay: OutboxRelay,
  ) {}

  /** One page of failed rows, in outbox (write) order. */
  async list(page: number, pageSize: number): Promise<{ items: FailedOutboxRowDto[]; total: number }> {
    const [{ total }] = await this.dataSource.query('SELECT count(*)::int AS total FROM outbox WHERE failed_at IS NOT NULL AND published_at IS NULL');
    const rows: FailedRow[] = await this.dataSource.query(
      `SELECT id, subject, event_type, event_version, attempts, last_error, occurred_on, created_at, failed_at, left(envelope::text, ${ENVELOPE_SHOWN + 1}) AS envelope
         FROM outbox WHERE failed_at IS NOT NULL AND published_at IS NULL
        ORDER BY position LIMIT $1 OFFSET $2`,
      [pageSize, (page - 1) * pageSize],
    );
    return { items: rows.map(toDto), total };
  }

  /** Puts one failed row back to pending (attempts from zero); the relay tries it at once. */
  async retry(id: string): Promise<void> {
    const result = await this.dataSource.query(
      'UPDATE outbox SET failed_at = NULL, next_attempt_at = NULL, attempts = 0 WHERE id = $1 AND failed_at IS NOT NULL AND published_at IS NULL',
      [id],
    );
    if (affected(result) === 0) throw new FailedOutboxRowNotFoundException(id);
    this.relay.wakeUp();
  }

  /** Puts every failed row back to pending. */
  async retryAll(): Promise<number> {
    const result = await this.dataSource.query(
      'UPDATE outbox SET failed_at = NULL, next_attempt_at = NULL, attempts = 0 WHERE failed_at IS NOT NULL AND published_at IS NULL',
    );
    const retried = affected(result);
    if (retried) this.relay.wakeUp();
    return retried;
  }
}

// TypeORM answers an UPDATE with [rows, affected].
const affected = (result: unknown): number => (Array.isArray(result) ? Number(result[1] ?? 0) : 0);

function toDto(row: FailedRow): FailedOutboxRowDto {
  return {
    id: row.id,
    subject: row.subject,
    eventType: row.event_type,
    eventVersion: row.event_version,
    attempts: row.attempts,
    lastError: row.last_error,
    occurredOn: new Date(row.occurred_on).toISOString(),
    createdAt: new Date(row.created_at).toISOString(),
    failedAt: new Date(row.failed_at).toISOString(),
    envelope: row.envelope.length > ENVELOPE_SHOWN ? `${row.envelope.slice(0, ENVELOPE_SHOWN)}…` : row.envelope,
  };
}
