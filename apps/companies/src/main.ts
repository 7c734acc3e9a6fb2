import 'reflect-metadata';
import { runService } from '@globac/http';
import { AppModule } from './app.module';
import { CompaniesConfig } from './companies.config';

void runService('companies', CompaniesConfig, (config) => AppModule.forRoot(config));
