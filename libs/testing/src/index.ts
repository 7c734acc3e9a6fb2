export * from './eventually';
export * from './nats-server';
export * from './service-platform-suite';
export * from './service-process';
export * from './test-database';
export * from './test-names';
export * from './test-nats';
export * from './test-service';
