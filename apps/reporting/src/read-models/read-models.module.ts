import { Module } from '@nestjs/common';
import { CompaniesHandler } from './companies.handler';
import { ProgrammeEventsHandler } from './programme-events.handler';
import { TripsHandler } from './trips.handler';

/** The read models, kept from the companies, events and trips streams (docs/reporting.md). */
@Module({
  // Integration-event handlers are controllers: the messaging transport finds them where Nest looks for @EventPattern.
  controllers: [CompaniesHandler, ProgrammeEventsHandler, TripsHandler],
})
export class ReadModelsModule {}
