import { DatabaseModule } from '@globac/database';
import { PlatformModule } from '@globac/http';
import { MessagingModule } from '@globac/messaging';
import { type DynamicModule, Module } from '@nestjs/common';
import { ReportingConfig } from './reporting.config';
import { reportingDatabase } from './database';
import { CompanyActivitiesModule } from './company-activities/company-activities.module';
import { IndicatorsModule } from './indicators/indicators.module';
import { StatusModule } from './status/status.module';
import { PeriodsModule } from './periods/periods.module';
import { TripReportsModule } from './trip-reports/trip-reports.module';
import { RebuildModule } from './rebuild/rebuild.module';
import { ReadModelsModule } from './read-models/read-models.module';

/** Indicator reports for the programme's financiers, derived from integration events. */
@Module({})
export class AppModule {
  static forRoot(config: ReportingConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService(ReportingConfig, config),
        DatabaseModule.forService(reportingDatabase),
        MessagingModule.forService({ service: 'reporting' }),
        ReadModelsModule,
        IndicatorsModule,
        CompanyActivitiesModule,
        StatusModule,
        PeriodsModule,
        TripReportsModule,
        RebuildModule,
      ],
    };
  }
}
