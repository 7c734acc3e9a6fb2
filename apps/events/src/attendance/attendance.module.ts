import { Module } from '@nestjs/common';
import { RegistrationsModule } from '../registrations/registrations.module';
import { AttendanceController } from './attendance.controller';
import { AttendanceService } from './attendance.service';

/** Attendance at programme events: what makes a company supported. */
@Module({
  imports: [RegistrationsModule],
  controllers: [AttendanceController],
  providers: [AttendanceService],
  exports: [AttendanceService],
})
export class AttendanceModule {}
