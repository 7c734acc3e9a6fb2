import { CurrentPrincipal, type Principal, Roles } from '@globac/auth';
import { ApiErrorResponse, ApiTag, type Page, PageOf, UuidParam } from '@globac/http';
import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query, type StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { PERIOD_NOT_FOUND } from '../api-errors';
import { ApiReportOkResponse, reportFile } from '../report-download';
import { reportFileName, writeIndicatorsReport } from '../report-files';
import { FreezePeriodDto, FrozenPeriodDto, FrozenPeriodSummaryDto, ListPeriodsQueryDto, PeriodFormatQueryDto } from './dto/period.dto';
import { PeriodsService } from './periods.service';

@ApiTag('frozen periods', "A period's report kept as it was when frozen (for a financier's claim): the same figures and the same file bytes later")
@ApiBearerAuth()
@Controller('reports/periods')
export class PeriodsController {
  constructor(private readonly periods: PeriodsService) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @Roles('staff')
  @ApiOperation({
    summary: 'Freeze a period\'s report',
    description: 'Computes the indicators and the companies behind them now and keeps them: the period answers the same (and downloads the same bytes) later.',
  })
  @ApiCreatedResponse({ type: FrozenPeriodDto, description: 'The frozen period with its report' })
  freeze(@Body() dto: FreezePeriodDto, @CurrentPrincipal() principal: Principal): Promise<FrozenPeriodDto> {
    return this.periods.freeze(dto, principal.subject);
  }

  @Get()
  @Roles('financier', 'staff')
  @ApiOperation({ summary: 'Frozen periods, newest first', description: 'Without their reports; read one for its report.' })
  @ApiOkResponse({ type: PageOf(FrozenPeriodSummaryDto), description: 'A page of frozen periods' })
  async list(@Query() query: ListPeriodsQueryDto): Promise<Page<FrozenPeriodSummaryDto>> {
    const { items, total } = await this.periods.list({ limit: query.pageSize, offset: query.offset });
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  @Get(':id')
  @Roles('financier', 'staff')
  @ApiOperation({ summary: 'A frozen period', description: 'Its report as frozen; `format=csv|xlsx|pdf` downloads it with its companies, the same bytes every time.' })
  @ApiReportOkResponse(FrozenPeriodDto, 'The frozen period')
  @ApiErrorResponse(PERIOD_NOT_FOUND)
  async get(@UuidParam('id') id: string, @Query() query: PeriodFormatQueryDto): Promise<FrozenPeriodDto | StreamableFile> {
    const period = await this.periods.get(id);
    if (!query.format) return period;
    const format = query.format;
    return reportFile(format, reportFileName('period', { from: period.from, to: period.to, financier: period.financier ?? undefined, id }, format), (out) =>
      writeIndicatorsReport(out, format, period.report, this.periods.companies(id)),
    );
  }
}
