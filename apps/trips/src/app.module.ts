import { DatabaseModule } from '@globac/database';
import { PlatformModule } from '@globac/http';
import { MessagingModule } from '@globac/messaging';
import { type DynamicModule, Module } from '@nestjs/common';
import { TripsConfig } from './trips.config';
import { tripsDatabase } from './database';

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
      ],
    };
  }
}
