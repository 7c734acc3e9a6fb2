import { describeHostileInput } from '@globac/testing';
import { AppModule } from '../src/app.module';
import { ReportingConfig } from '../src/reporting.config';

// No seed of company data: the cross-company probe uses made-up ids here (see libs/testing's hostile-input).
describeHostileInput({ service: 'reporting', configClass: ReportingConfig, createModule: (config) => AppModule.forRoot(config) });
