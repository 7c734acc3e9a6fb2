import { Module } from '@nestjs/common';
import { AttendanceModule } from '../attendance/attendance.module';
import { ExportRingsModule } from '../export-rings/export-rings.module';
import { RegistrationsModule } from '../registrations/registrations.module';
import { ProgrammeEventsController } from './programme-events.controller';
import { ProgrammeEventsService } from './programme-events.service';

/** Programme events: scheduling, changes and cancellation. */
@Module({
  imports: [RegistrationsModule, AttendanceModule, ExportRingsModule],
  controllers: [ProgrammeEventsController],
  providers: [ProgrammeEventsService],
})
export class ProgrammeEventsModule {}
