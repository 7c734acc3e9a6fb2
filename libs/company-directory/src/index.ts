export * from './company-copy.entity';
export * from './company-directory.exception';
export * from './company-directory.handler';
export * from './company-directory.module';
export * from './company-directory.service';
