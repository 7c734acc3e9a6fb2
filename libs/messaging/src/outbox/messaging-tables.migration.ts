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

/** The messaging lib's migrations, for a service's `migrations` list. */
export const messagingMigrations = [MessagingTables1795673085000];
