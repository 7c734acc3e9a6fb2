import type { ServiceDataSourceParts } from '@globac/database';

/** The reporting service's tables and the migrations that make them. */
export const reportingDatabase: ServiceDataSourceParts = {
  entities: [],
  migrations: [],
};
