import { DatabaseModule } from '@globac/database';
import { PlatformModule } from '@globac/http';
import { MessagingModule } from '@globac/messaging';
import { type DynamicModule, Module } from '@nestjs/common';
import { CompanyDirectoryModule } from '@globac/company-directory';
import { CompletionModule } from './completion/completion.module';
import { tripsDatabase } from './database';
import { MeetingsModule } from './meetings/meetings.module';
import { PartnerDirectoryModule } from './partner-directory/partner-directory.module';
import { ParticipantsModule } from './participants/participants.module';
import { TripsConfig } from './trips.config';
import { TripsModule } from './trips/trips.module';

/** Business trips abroad with participating companies and meetings with foreign partners. */
@Module({})
export class AppModule {
  static forRoot(config: TripsConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService(TripsConfig, config),
        DatabaseModule.forService(tripsDatabase),
        MessagingModule.forService({ service: 'trips' }),
        CompanyDirectoryModule,
        PartnerDirectoryModule,
        // Participants first: its static /trips/traveller-erasures route is registered before /trips/:tripId.
        ParticipantsModule,
        TripsModule,
        MeetingsModule,
        CompletionModule,
      ],
    };
  }
}
