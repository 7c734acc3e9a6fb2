import type { ServiceDataSourceParts } from '@globac/database';

/** The events service's tables and the migrations that make them. */
export const eventsDatabase: ServiceDataSourceParts = {
  entities: [],
  migrations: [],
};
