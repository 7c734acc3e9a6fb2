export * from './eventually';
export * from './test-database';
export * from './test-names';
export * from './test-service';
