import { Module } from '@nestjs/common';
import { CompanyDirectoryModule } from '@globac/company-directory';
import { TripsModule } from '../trips/trips.module';
import { ContactErasureHandler } from './contact-erasure.handler';
import { ParticipantsController } from './participants.controller';
import { ParticipantsService } from './participants.service';
import { TravellerErasuresController } from './traveller-erasures.controller';

/** Travelling companies: applications, staff's decisions within capacity, withdrawals, erasure of travellers' personal data. */
@Module({
  imports: [TripsModule, CompanyDirectoryModule],
  // The erasure route first: its static path must not be taken for a trip id.
  controllers: [TravellerErasuresController, ParticipantsController, ContactErasureHandler],
  providers: [ParticipantsService],
  exports: [ParticipantsService],
})
export class ParticipantsModule {}
