import type { ServiceDataSourceParts } from '@globac/database';

/** The trips service's tables and the migrations that make them. */
export const tripsDatabase: ServiceDataSourceParts = {
  entities: [],
  migrations: [],
};
