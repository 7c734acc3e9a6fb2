import { Roles } from '@globac/auth';
import { ApiTag, type Page, PageOf } from '@globac/http';
import { Controller, Get, Query, type StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import { ApiReportOkResponse, reportFile } from '../report-download';
import { reportFileName, writeCompaniesList, writeIndicatorsReport } from '../report-files';
import { IndicatorsQueryDto, SupportedCompaniesQueryDto } from './dto/indicators-query.dto';
import { IndicatorsReportDto, SupportedCompanyDto } from './dto/indicators-report.dto';
import { checkedFilters, filtersOf, IndicatorsService, PROGRAMME } from './indicators.service';

const SUPPORTED_COMPANIES_PAGE = PageOf(SupportedCompanyDto);

@ApiTag('indicators', "The programme's figures for its financiers over a period, each with its counting rule, and the companies behind them; as JSON or a file")
@ApiBearerAuth()
@Controller('reports/indicators')
export class IndicatorsController {
  constructor(private readonly indicators: IndicatorsService) {}

  @Get()
  @Roles('financier', 'staff')
  @ApiOperation({
    summary: 'The indicators of a period',
    description:
      'Every figure with its counting rule, computed from the integration events. Days are Swedish calendar days, both included. ' +
      '`format=csv|xlsx|pdf` downloads the same report with the companies behind it.',
  })
  @ApiReportOkResponse(IndicatorsReportDto, 'The indicators')
  async get(@Query() query: IndicatorsQueryDto): Promise<IndicatorsReportDto | StreamableFile> {
    const filters = checkedFilters(query);
    const report = await this.indicators.report(filters);
    if (!query.format) return report;
    const format = query.format;
    return reportFile(format, reportFileName('indicators', { from: filters.from, to: filters.to, financier: filters.financier }, format), (out) =>
      writeIndicatorsReport(out, format, report, this.indicators.companies(filters)),
    );
  }

  @Get('companies')
  @Roles('financier', 'staff')
  @ApiOperation({
    summary: 'The companies behind companiesSupported',
    description:
      'Org numbers, names, size classes and municipalities (where each was on its activities\' days) of the companies counted, ordered by ' +
      'name; the same period and filters as the indicators. `format=csv|xlsx|pdf` downloads the whole list.',
  })
  @ApiReportOkResponse(SUPPORTED_COMPANIES_PAGE, 'A page of the companies')
  async companies(@Query() query: SupportedCompaniesQueryDto): Promise<Page<SupportedCompanyDto> | StreamableFile> {
    const filters = checkedFilters(query);
    if (query.format) {
      const format = query.format;
      const meta = { programme: PROGRAMME, period: { from: filters.from, to: filters.to }, filters: filtersOf(filters), producedAt: new Date().toISOString() };
      return reportFile(format, reportFileName('companies', { from: filters.from, to: filters.to, financier: filters.financier }, format), (out) =>
        writeCompaniesList(out, format, meta, this.indicators.companies(filters)),
      );
    }
    const { items, total } = await this.indicators.companiesPage(filters, { limit: query.pageSize, offset: query.offset });
    return { items, total, page: query.page, pageSize: query.pageSize };
  }
}
