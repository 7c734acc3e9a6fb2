import { Module } from '@nestjs/common';
import { CompaniesModule } from '../companies/companies.module';
import { PartnersModule } from '../partners/partners.module';
import { RelationshipsModule } from '../relationships/relationships.module';
import { MergesController } from './merges.controller';
import { MergesService } from './merges.service';

/** Two records of one firm become one: everything follows the survivor. */
@Module({
  imports: [CompaniesModule, PartnersModule, RelationshipsModule],
  controllers: [MergesController],
  providers: [MergesService],
})
export class MergesModule {}
