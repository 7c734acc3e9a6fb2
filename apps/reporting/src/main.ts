import 'reflect-metadata';
import { runService } from '@globac/http';
import { AppModule } from './app.module';
import { ReportingConfig } from './reporting.config';

void runService('reporting', ReportingConfig, (config) => AppModule.forRoot(config));
