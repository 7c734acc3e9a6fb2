import { Module } from '@nestjs/common';
import { CompaniesModule } from '../companies/companies.module';
import { PartnersModule } from '../partners/partners.module';
import { PartnerMeetingHeldHandler } from './partner-meeting-held.handler';
import { RelationshipsController } from './relationships.controller';
import { RelationshipsService } from './relationships.service';

/** Relationships between county companies and partners abroad, with their stage history. */
@Module({
  imports: [CompaniesModule, PartnersModule],
  controllers: [RelationshipsController, PartnerMeetingHeldHandler],
  providers: [RelationshipsService],
  exports: [RelationshipsService],
})
export class RelationshipsModule {}
