import { DatabaseModule } from '@globac/database';
import { PlatformModule } from '@globac/http';
import { MessagingModule } from '@globac/messaging';
import { type DynamicModule, Module } from '@nestjs/common';
import { AttendanceModule } from './attendance/attendance.module';
import { CompanyDirectoryModule } from '@globac/company-directory';
import { eventsDatabase } from './database';
import { EventsConfig } from './events.config';
import { ExhibitorsModule } from './exhibitors/exhibitors.module';
import { ExportRingsModule } from './export-rings/export-rings.module';
import { ProgrammeEventsModule } from './programme-events/programme-events.module';
import { RegistrationsModule } from './registrations/registrations.module';

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
        CompanyDirectoryModule,
        ProgrammeEventsModule,
        RegistrationsModule,
        AttendanceModule,
        ExportRingsModule,
        ExhibitorsModule,
      ],
    };
  }
}
