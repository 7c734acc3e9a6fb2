import { DatabaseModule } from '@globac/database';
import { PlatformModule } from '@globac/http';
import { MessagingModule } from '@globac/messaging';
import { type DynamicModule, Module } from '@nestjs/common';
import { CompaniesModule } from './companies/companies.module';
import { CompaniesConfig } from './companies.config';
import { ContactsModule } from './contacts/contacts.module';
import { ExportFiguresModule } from './export-figures/export-figures.module';
import { MergesModule } from './merges/merges.module';
import { PartnersModule } from './partners/partners.module';
import { ReferenceDataModule } from './reference-data/reference-data.module';
import { RelationshipsModule } from './relationships/relationships.module';
import { companiesDatabase } from './database';

/** The county's companies, their contacts, export figures and relationships with partners abroad. */
@Module({})
export class AppModule {
  static forRoot(config: CompaniesConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService(CompaniesConfig, config),
        DatabaseModule.forService(companiesDatabase),
        MessagingModule.forService({ service: 'companies' }),
        CompaniesModule,
        ContactsModule,
        ExportFiguresModule,
        ReferenceDataModule,
        PartnersModule,
        RelationshipsModule,
        MergesModule,
      ],
    };
  }
}
