export * from './health.registry';
export * from './json-logger';
export * from './metrics.service';
export * from './observability.module';
export * from './request-context';
export * from './route-latency-histogram';
