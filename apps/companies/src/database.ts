import type { ServiceDataSourceParts } from '@globac/database';
import { messagingMigrations } from '@globac/messaging';

/** The companies service's tables and the migrations that make them. */
export const companiesDatabase: ServiceDataSourceParts = {
  entities: [],
  // The outbox and inbox of integration events come first; the service's own migrations follow.
  migrations: [...messagingMigrations],
};
