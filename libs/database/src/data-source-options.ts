import type { ServiceConfig } from '@globac/config';
import type { DataSourceOptions } from 'typeorm';
import { databaseUrl } from './ensure-database';

export interface ServiceDataSourceParts {
  entities: NonNullable<DataSourceOptions['entities']>;
  migrations: NonNullable<DataSourceOptions['migrations']>;
}

/** The one place a service's TypeORM options are made: for the app and for its `migrate` entry. */
export function dataSourceOptions(config: ServiceConfig, parts: ServiceDataSourceParts): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl(config.POSTGRES_URL, config.DATABASE_NAME),
    entities: parts.entities,
    migrations: parts.migrations,
    // Schemas change through migrations only; they run at start under a lock (runMigrationsLocked).
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'migrations',
    extra: { max: config.DATABASE_POOL_SIZE, connectionTimeoutMillis: 5000 },
    applicationName: `globac-${config.DATABASE_NAME}`,
  };
}
