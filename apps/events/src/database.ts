import type { ServiceDataSourceParts } from '@globac/database';
import { messagingMigrations } from '@globac/messaging';

/** The events service's tables and the migrations that make them. */
export const eventsDatabase: ServiceDataSourceParts = {
  entities: [],
  // The outbox and inbox of integration events come first; the service's own migrations follow.
  migrations: [...messagingMigrations],
};
