import type { ServiceConfig } from '@globac/config';
import type { DataSourceOptions } from 'typeorm';
import { observedPg } from './connection-pool';
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
    // pg with a Pool that reports when a caller gave up waiting for a connection (a metric); the wait
    // is bounded so that a burst answers 503 with Retry-After instead of queueing without end.
    driver: observedPg,
    extra: { max: config.DATABASE_POOL_SIZE, connectionTimeoutMillis: config.DATABASE_POOL_ACQUIRE_TIMEOUT_MS },
    applicationName: `globac-${config.DATABASE_NAME}`,
  };
}
