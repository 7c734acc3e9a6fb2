import { ServiceConfig } from '@globac/config';
import { DatabaseModule } from '@globac/database';
import { PlatformModule } from '@globac/http';
import { type DynamicModule, Module } from '@nestjs/common';
import { MessagingModule, messagingMigrations } from '../../src';
import { LedgerTables1795673090000 } from './ledger.migration';
import { LedgerHandler } from './ledger.handler';
import { TestCompaniesController } from './test-companies.controller';

/**
 * A service built like the real ones, for the lib's tests: as `companies` it registers test companies
 * (state + CompanyRegistered through the outbox); as `ledger` it handles CompanyRegistered and
 * ExportFiguresReported into a ledger table.
 */
@Module({})
export class MessagingTestModule {
  static forRole(config: ServiceConfig, role: 'producer' | 'consumer'): DynamicModule {
    return {
      module: MessagingTestModule,
      imports: [
        PlatformModule.forService(ServiceConfig, config),
        DatabaseModule.forService({ entities: [], migrations: [...messagingMigrations, LedgerTables1795673090000] }),
        MessagingModule.forService({ service: role === 'producer' ? 'companies' : 'ledger' }),
      ],
      controllers: role === 'producer' ? [TestCompaniesController] : [LedgerHandler],
    };
  }
}
