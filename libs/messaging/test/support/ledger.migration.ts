import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The test app's tables: companies it registers (producer side) and the ledger its handlers write (consumer side). */
export class LedgerTables1795673090000 implements MigrationInterface {
  name = 'LedgerTables1795673090000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE TABLE test_companies (id uuid PRIMARY KEY, name text NOT NULL)');
    // No unique constraint on event_id on purpose: an event handled twice shows up as two rows.
    await runner.query(`
      CREATE TABLE ledger_entries (
        id             bigserial PRIMARY KEY,
        event_id       uuid NOT NULL,
        event_type     text NOT NULL,
        label          text NOT NULL,
        correlation_id text,
        occurred_on    timestamptz NOT NULL,
        handled_at     timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE ledger_entries');
    await runner.query('DROP TABLE test_companies');
  }
}
