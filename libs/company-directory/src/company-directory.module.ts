import { Module } from '@nestjs/common';
import { CompanyDirectoryHandler } from './company-directory.handler';
import { CompanyDirectoryService } from './company-directory.service';

/** The copy of the companies service's companies (id, org number, name, municipality, size class, merges). */
@Module({
  controllers: [CompanyDirectoryHandler],
  providers: [CompanyDirectoryService],
  exports: [CompanyDirectoryService],
})
export class CompanyDirectoryModule {}
