import type { ServiceDataSourceParts } from '@globac/database';

/** The companies service's tables and the migrations that make them. */
export const companiesDatabase: ServiceDataSourceParts = {
  entities: [],
  migrations: [],
};
