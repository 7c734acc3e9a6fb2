import { Module } from '@nestjs/common';
import { CompanyDirectoryModule } from '@globac/company-directory';
import { ContactErasureHandler } from './contact-erasure.handler';
import { ParticipantErasuresController } from './participant-erasures.controller';
import { RegistrationsController } from './registrations.controller';
import { RegistrationsService } from './registrations.service';
import { SeatsService } from './seats.service';

/** Sign-ups for programme events: seats, the waitlist and its promotions, cancellations, erasure of participants' personal data. */
@Module({
  imports: [CompanyDirectoryModule],
  controllers: [RegistrationsController, ParticipantErasuresController, ContactErasureHandler],
  providers: [RegistrationsService, SeatsService],
  exports: [SeatsService],
})
export class RegistrationsModule {}
