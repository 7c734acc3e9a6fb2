import type { DataSource } from 'typeorm';

// Any constant shared by every replica of every service; each service has its own database anyway.
const MIGRATION_LOCK = 4_711_2008;

/**
 * Runs pending migrations while holding a Postgres advisory lock, so that replicas starting together
 * do not run the same migration twice; the others wait and then find nothing to do.
 */
export async function runMigrationsLocked(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const done = await dataSource.runMigrations({ transaction: 'each' });
    return done.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}
