export * from './load-config';
export * from './service-config';
export * from './development-key';
