// For the TypeORM CLI (the `migration-generate` target), which loads a module exporting one DataSource.
import 'reflect-metadata';
import { loadConfig } from '@globac/config';
import { dataSourceOptions } from '@globac/database';
import { DataSource } from 'typeorm';
import { EventsConfig } from './events.config';
import { eventsDatabase } from './database';

export default new DataSource(dataSourceOptions(loadConfig(EventsConfig), eventsDatabase));
