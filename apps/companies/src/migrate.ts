import 'reflect-metadata';
import { migrateCommand } from '@globac/database';
import { CompaniesConfig } from './companies.config';
import { companiesDatabase } from './database';

void migrateCommand('companies', CompaniesConfig, companiesDatabase);
