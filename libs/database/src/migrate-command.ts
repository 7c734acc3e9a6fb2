import { ConfigValidationError, loadConfig, type ServiceConfig } from '@globac/config';
import { DataSource } from 'typeorm';
import { dataSourceOptions, type ServiceDataSourceParts } from './data-source-options';
import { ensureDatabase } from './ensure-database';
import { runMigrationsLocked } from './run-migrations';

/** The `migrate` entry of a service: creates the database if missing, applies pending migrations, exits. */
export async function migrateCommand(service: string, configClass: new () => ServiceConfig, parts: ServiceDataSourceParts) {
  try {
    const config = loadConfig(configClass);
    await ensureDatabase(config.POSTGRES_URL, config.DATABASE_NAME);
    const dataSource = await new DataSource(dataSourceOptions(config, parts)).initialize();
    const applied = await runMigrationsLocked(dataSource);
    await dataSource.destroy();
    process.stdout.write(
      `${service}: ${applied.length ? `applied ${applied.join(', ')}` : 'no pending migrations'} on ${config.DATABASE_NAME}\n`,
    );
  } catch (error) {
    const message = error instanceof ConfigValidationError ? error.message : (error as Error).stack;
    process.stderr.write(`${service}: migration failed: ${message}\n`);
    process.exitCode = 1;
  }
}
