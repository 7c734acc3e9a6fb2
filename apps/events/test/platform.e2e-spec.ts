import { describeServicePlatform } from '@globac/testing';
import { AppModule } from '../src/app.module';
import { EventsConfig } from '../src/events.config';

describeServicePlatform('events', EventsConfig, (config) => AppModule.forRoot(config));
