import type { ServiceDataSourceParts } from '@globac/database';
import { messagingMigrations } from '@globac/messaging';
import { ReportingReadModels1796000000000 } from './migrations/1796000000000-reporting-read-models';
import { CountedActivities1796100000000 } from './migrations/1796100000000-counted-activities';

/** The reporting service's tables and the migrations that make them. */
export const reportingDatabase: ServiceDataSourceParts = {
  // No entities: the read models are written and read with SQL (multi-row statements, aggregates).
  entities: [],
  // The outbox and inbox of integration events come first; the service's own migrations follow.
  migrations: [...messagingMigrations, ReportingReadModels1796000000000, CountedActivities1796100000000],
};
