import { Module } from '@nestjs/common';
import { CompaniesModule } from '../companies/companies.module';
import { ExportFiguresController } from './export-figures.controller';
import { ExportFiguresService } from './export-figures.service';

/** Turnover and export per company and year, with every correction kept. */
@Module({
  imports: [CompaniesModule],
  controllers: [ExportFiguresController],
  providers: [ExportFiguresService],
})
export class ExportFiguresModule {}
