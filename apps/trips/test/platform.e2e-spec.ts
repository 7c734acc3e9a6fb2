import { describeServicePlatform } from '@globac/testing';
import { AppModule } from '../src/app.module';
import { TripsConfig } from '../src/trips.config';

describeServicePlatform('trips', TripsConfig, (config) => AppModule.forRoot(config));
