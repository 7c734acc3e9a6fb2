import { Module } from '@nestjs/common';
import { CompanyDirectoryModule } from '@globac/company-directory';
import { RegistrationsModule } from '../registrations/registrations.module';
import { ExportRingsController } from './export-rings.controller';
import { ExportRingsService } from './export-rings.service';
import { RingMeetingsService } from './ring-meetings.service';

/** Export rings and circles: standing groups of companies, their memberships, and invitations to their meetings. */
@Module({
  imports: [CompanyDirectoryModule, RegistrationsModule],
  controllers: [ExportRingsController],
  providers: [ExportRingsService, RingMeetingsService],
  exports: [RingMeetingsService],
})
export class ExportRingsModule {}
