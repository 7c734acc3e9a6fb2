import 'reflect-metadata';
import { migrateCommand } from '@globac/database';
import { EventsConfig } from './events.config';
import { eventsDatabase } from './database';

void migrateCommand('events', EventsConfig, eventsDatabase);
