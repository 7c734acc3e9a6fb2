import type { ServiceDataSourceParts } from '@globac/database';
import { messagingMigrations } from '@globac/messaging';
import { CompanyCopy } from '@globac/company-directory';
import { PartnerMeeting } from './meetings/partner-meeting.entity';
import { TripsSchema1795800000000 } from './migrations/1795800000000-trips-schema';
import { PartnerCopy } from './partner-directory/partner-copy.entity';
import { Participant } from './participants/participant.entity';
import { Traveller } from './participants/traveller.entity';
import { Trip } from './trips/trip.entity';

/** The trips service's tables and the migrations that make them. */
export const tripsDatabase: ServiceDataSourceParts = {
  entities: [CompanyCopy, PartnerCopy, Trip, Participant, Traveller, PartnerMeeting],
  // The outbox and inbox of integration events come first; the service's own migrations follow.
  migrations: [...messagingMigrations, TripsSchema1795800000000],
};
