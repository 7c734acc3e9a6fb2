import { type DataSource, MigrationExecutor } from 'typeorm';

// Any constant shared by every replica of every service; each service has its own database anyway.
const MIGRATION_LOCK = 4_711_2008;

/**
 * Runs pending migrations while holding a Postgres advisory lock, so that replicas starting together
 * do not run the same migration twice; the others wait and then find nothing to do. The migrations run
 * on the connection that holds the lock: one connection is all a service with DATABASE_POOL_SIZE=1 has
 * (asking the pool for a second one while holding the first would wait for itself).
 */
export async function runMigrationsLocked(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const executor = new MigrationExecutor(dataSource, runner);
    executor.transaction = 'each';
    const done = await executor.executePendingMigrations();
    return done.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}
