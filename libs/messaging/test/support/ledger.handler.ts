import { CompanyRegistered, ExportFiguresReported, type IntegrationEventEnvelope } from '@globac/contracts';
import { RequestContext } from '@globac/observability';
import { Controller } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { HandlesIntegrationEvent, HandlesIntegrationEventBatch } from '../../src';

/** Fails the way a database does when it is away: retried without counting towards the dead letters. */
class DatabaseAwayError extends Error {
  readonly code = '08006';
}

/**
 * The test consumer's handlers. A company's name says how its event behaves:
 * `fail-times:<n>` fails the first n attempts, `transient-times:<n>` fails n attempts as if the
 * database were away, `fail-until-fixed:<key>` fails until the test calls `fix(key)`, `lock:<key>`
 * waits at most 50 ms for the advisory lock `hashtext(<key>)` (a real lock time-out, SQLSTATE 55P03,
 * while a test holds it), `slow:<ms>` takes that long inside the transaction.
 */
@Controller()
export class LedgerHandler {
  readonly attempts = new Map<string, number>();
  readonly batchSizes: number[] = [];
  private readonly fixed = new Set<string>();

  fix(key: string) {
    this.fixed.add(key);
  }

  @HandlesIntegrationEvent(CompanyRegistered)
  async onCompanyRegistered(event: IntegrationEventEnvelope<CompanyRegistered>, manager: EntityManager) {
    const attempt = (this.attempts.get(event.id) ?? 0) + 1;
    this.attempts.set(event.id, attempt);
    const [rule, arg] = event.data.name.split(':');
    if (rule === 'fail-times' && attempt <= Number(arg)) throw new Error(`planned failure ${attempt} of ${arg}`);
    if (rule === 'transient-times' && attempt <= Number(arg)) throw new DatabaseAwayError('Connection terminated unexpectedly');
    if (rule === 'fail-until-fixed' && !this.fixed.has(arg)) throw new Error(`${arg} is not fixed yet`);
    if (rule === 'slow') await manager.query('SELECT pg_sleep($1)', [Number(arg) / 1000]);
    if (rule === 'lock') {
      await manager.query("SET LOCAL lock_timeout = '50ms'");
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [arg]);
    }
    await manager.query(
      'INSERT INTO ledger_entries (event_id, event_type, label, correlation_id, occurred_on) VALUES ($1, $2, $3, $4, $5)',
      [event.id, event.type, event.data.name, RequestContext.current()?.correlationId ?? null, event.occurredOn],
    );
  }

  @HandlesIntegrationEventBatch(ExportFiguresReported)
  async onExportFigures(events: IntegrationEventEnvelope<ExportFiguresReported>[], manager: EntityManager) {
    this.batchSizes.push(events.length);
    await manager.query(
      `INSERT INTO ledger_entries (event_id, event_type, label, occurred_on)
       SELECT id, 'ExportFiguresReported', label, occurred_on FROM unnest($1::uuid[], $2::text[], $3::timestamptz[]) AS e(id, label, occurred_on)`,
      [events.map((e) => e.id), events.map((e) => `export:${e.data.year}`), events.map((e) => e.occurredOn)],
    );
  }
}
