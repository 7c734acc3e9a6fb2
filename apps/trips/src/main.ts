import 'reflect-metadata';
import { runService } from '@globac/http';
import { AppModule } from './app.module';
import { TripsConfig } from './trips.config';

void runService('trips', TripsConfig, (config) => AppModule.forRoot(config));
