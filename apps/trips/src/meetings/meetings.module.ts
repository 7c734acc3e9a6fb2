import { Module } from '@nestjs/common';
import { TripsModule } from '../trips/trips.module';
import { MeetingsController } from './meetings.controller';
import { MeetingsService } from './meetings.service';

/** B2B meetings of travelling companies with partners abroad, and their outcomes (PartnerMeetingHeld). */
@Module({
  imports: [TripsModule],
  controllers: [MeetingsController],
  providers: [MeetingsService],
})
export class MeetingsModule {}
