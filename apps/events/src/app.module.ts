import { DatabaseModule } from '@globac/database';
import { PlatformModule } from '@globac/http';
import { MessagingModule } from '@globac/messaging';
import { type DynamicModule, Module } from '@nestjs/common';
import { EventsConfig } from './events.config';
import { eventsDatabase } from './database';

/** Programme events (seminars, competence meetings, trade fairs, export rings) with registration and attendance. */
@Module({})
export class AppModule {
  static forRoot(config: EventsConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService(EventsConfig, config),
        DatabaseModule.forService(eventsDatabase),
        MessagingModule.forService({ service: 'events' }),
      ],
    };
  }
}
