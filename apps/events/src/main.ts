import 'reflect-metadata';
import { runService } from '@globac/http';
import { AppModule } from './app.module';
import { EventsConfig } from './events.config';

void runService('events', EventsConfig, (config) => AppModule.forRoot(config));
