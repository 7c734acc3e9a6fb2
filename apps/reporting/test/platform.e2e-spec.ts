import { describeServicePlatform } from '@globac/testing';
import { AppModule } from '../src/app.module';
import { ReportingConfig } from '../src/reporting.config';

describeServicePlatform('reporting', ReportingConfig, (config) => AppModule.forRoot(config));
