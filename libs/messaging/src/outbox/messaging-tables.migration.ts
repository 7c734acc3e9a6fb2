import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox (events written in the transaction of the change, published by the relay) and the inbox
 * (event ids a consumer has handled, written in the transaction of the effects). Every service lists
 * this migration in its own `migrations`.
 */
export class MessagingTables1795673085000 implements MigrationInterface {
  name = 'MessagingTables1795673085000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE outbox (
        position      bigint GENERATED ALWAYS AS IDENTITY,
        id            uuid PRIMARY KEY,
        subject       text NOT NULL,
        event_type    text NOT NULL,
        event_version integer NOT NULL,
        envelope      jsonb NOT NULL,
        occurred_on   timestamptz NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now(),
        published_at  timestamptz,
        attempts      integer NOT NULL DEFAULT 0,
        last_error    text
      )`);
    // The relay reads unpublished rows in write order; housekeeping finds old published ones.
    await runner.query('CREATE INDEX outbox_unpublished_idx ON outbox (position) WHERE published_at IS NULL');
    await runner.query('CREATE INDEX outbox_published_at_idx ON outbox (published_at) WHERE published_at IS NOT NULL');
    await runner.query(`
      CREATE TABLE inbox (
        consumer   text NOT NULL,
        event_id   uuid NOT NULL,
        event_type text NOT NULL,
        handled_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE inbox');
    await runner.query('DROP TABLE outbox');
  }
}

/**
 * Outbox rows that can never be published are set aside (`failed_at`) instead of being retried forever,
 * and a failing row waits `next_attempt_at` between tries; replays of all dead letters run as jobs
 * whose state is here, so that any replica can report on them and take over after a restart.
 */
export class OutboxFailuresAndReplayJobs1796000000000 implements MigrationInterface {
  name = 'OutboxFailuresAndReplayJobs1796000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE outbox ADD COLUMN failed_at timestamptz, ADD COLUMN next_attempt_at timestamptz');
    // The relay claims pending rows only: set-aside rows must not be walked past on every claim.
    await runner.query('CREATE INDEX outbox_pending_idx ON outbox (position) WHERE published_at IS NULL AND failed_at IS NULL');
    await runner.query('DROP INDEX outbox_unpublished_idx');
    await runner.query('CREATE INDEX outbox_failed_idx ON outbox (position) WHERE failed_at IS NOT NULL AND published_at IS NULL');
    await runner.query(`
      CREATE TABLE dead_letter_replays (
        id              uuid PRIMARY KEY,
        status          text NOT NULL CHECK (status IN ('running', 'completed')),
        requested_by    text,
        until_sequence  bigint NOT NULL,
        cursor          bigint NOT NULL DEFAULT 0,
        total           integer NOT NULL,
        processed       integer NOT NULL DEFAULT 0,
        replayed        integer NOT NULL DEFAULT 0,
        failed          integer NOT NULL DEFAULT 0,
        failures        jsonb NOT NULL DEFAULT '[]',
        error           text,
        owner           text,
        heartbeat_at    timestamptz,
        created_at      timestamptz NOT NULL DEFAULT now(),
        updated_at      timestamptz NOT NULL DEFAULT now(),
        finished_at     timestamptz
      )`);
    // One replay of all at a time per service, whatever the number of replicas.
    await runner.query("CREATE UNIQUE INDEX dead_letter_replays_one_running ON dead_letter_replays ((true)) WHERE status = 'running'");
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE dead_letter_replays');
    await runner.query('DROP INDEX outbox_failed_idx');
    await runner.query('CREATE INDEX outbox_unpublished_idx ON outbox (position) WHERE published_at IS NULL');
    await runner.query('DROP INDEX outbox_pending_idx');
    await runner.query('ALTER TABLE outbox DROP COLUMN failed_at, DROP COLUMN next_attempt_at');
  }
}

/** The messaging lib's migrations, for a service's `migrations` list. */
export const messagingMigrations = [MessagingTables1795673085000, OutboxFailuresAndReplayJobs1796000000000];
