import { Module } from '@nestjs/common';
import { TripsModule } from '../trips/trips.module';
import { CompletionController } from './completion.controller';
import { CompletionService } from './completion.service';

/** Completion of a trip (TripCompleted) and corrections of it (TripCompletionCorrected). */
@Module({
  imports: [TripsModule],
  controllers: [CompletionController],
  providers: [CompletionService],
})
export class CompletionModule {}
