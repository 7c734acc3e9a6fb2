import { Module } from '@nestjs/common';
import { CompaniesModule } from '../companies/companies.module';
import { ContactsController } from './contacts.controller';
import { ContactsService } from './contacts.service';

/** The people at companies: the service's only personal data, with access, rectification and erasure. */
@Module({
  imports: [CompaniesModule],
  controllers: [ContactsController],
  providers: [ContactsService],
})
export class ContactsModule {}
