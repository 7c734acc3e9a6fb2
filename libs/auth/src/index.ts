export * from './auth.guard';
export * from './auth.module';
export * from './company-access';
export * from './decorators';
export * from './principal';
export * from './token-verifier';
export * from './bearer';
