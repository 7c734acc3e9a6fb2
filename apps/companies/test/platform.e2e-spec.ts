import { describeServicePlatform } from '@globac/testing';
import { AppModule } from '../src/app.module';
import { CompaniesConfig } from '../src/companies.config';

describeServicePlatform('companies', CompaniesConfig, (config) => AppModule.forRoot(config));
