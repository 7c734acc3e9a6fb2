import { Module } from '@nestjs/common';
import { CompanyDirectoryModule } from '@globac/company-directory';
import { ExhibitorsController } from './exhibitors.controller';
import { ExhibitorsService } from './exhibitors.service';

/** Companies exhibiting at trade fairs (e.g. Västerbotten cheese at Tutto Food in Milan). */
@Module({
  imports: [CompanyDirectoryModule],
  controllers: [ExhibitorsController],
  providers: [ExhibitorsService],
})
export class ExhibitorsModule {}
