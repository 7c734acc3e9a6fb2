// For the TypeORM CLI (the `migration-generate` target), which loads a module exporting one DataSource.
import 'reflect-metadata';
import { loadConfig } from '@globac/config';
import { dataSourceOptions } from '@globac/database';
import { DataSource } from 'typeorm';
import { TripsConfig } from './trips.config';
import { tripsDatabase } from './database';

export default new DataSource(dataSourceOptions(loadConfig(TripsConfig), tripsDatabase));
