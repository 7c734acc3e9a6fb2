export * from './data-source-options';
export * from './database.module';
export * from './ensure-database';
export * from './run-migrations';
export * from './migrate-command';
export * from './unique-violation';
export * from './connection-pool';
