import 'reflect-metadata';
import { migrateCommand } from '@globac/database';
import { ReportingConfig } from './reporting.config';
import { reportingDatabase } from './database';

void migrateCommand('reporting', ReportingConfig, reportingDatabase);
