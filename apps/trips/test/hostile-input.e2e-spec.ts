import { describeHostileInput } from '@globac/testing';
import { AppModule } from '../src/app.module';
import { TripsConfig } from '../src/trips.config';

// No seed of company data: the cross-company probe uses made-up ids here (see libs/testing's hostile-input).
describeHostileInput({ service: 'trips', configClass: TripsConfig, createModule: (config) => AppModule.forRoot(config) });
