import 'reflect-metadata';
import { migrateCommand } from '@globac/database';
import { TripsConfig } from './trips.config';
import { tripsDatabase } from './database';

void migrateCommand('trips', TripsConfig, tripsDatabase);
