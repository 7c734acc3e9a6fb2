import type { ServiceDataSourceParts } from '@globac/database';
import { messagingMigrations } from '@globac/messaging';
import { CompanyCopy } from '@globac/company-directory';
import { Exhibitor } from './exhibitors/exhibitor.entity';
import { ExportRing } from './export-rings/export-ring.entity';
import { RingMembership } from './export-rings/ring-membership.entity';
import { EventsSchema1795700000000 } from './migrations/1795700000000-events-schema';
import { ProgrammeEvent } from './programme-events/programme-event.entity';
import { Registration } from './registrations/registration.entity';

/** The events service's tables and the migrations that make them. */
export const eventsDatabase: ServiceDataSourceParts = {
  entities: [CompanyCopy, ExportRing, RingMembership, ProgrammeEvent, Registration, Exhibitor],
  // The outbox and inbox of integration events come first; the service's own migrations follow.
  migrations: [...messagingMigrations, EventsSchema1795700000000],
};
