import { assertCanActForCompany, CurrentPrincipal, type Principal, Roles } from '@globac/auth';
import { type Page, PageOf, PageQueryDto } from '@globac/http';
import { Body, Controller, Get, Param, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiErrorResponse, ApiTag, UuidParam } from '@globac/http';
import { COMPANY_MERGED, COMPANY_NOT_FOUND, EXPORT_FIGURES_NOT_FOUND } from '../api-errors';
import { ExportFiguresDetailDto, ExportFiguresDto } from './dto/export-figures.dto';
import { ExportYearParams, PutExportFiguresDto } from './dto/put-export-figures.dto';
import { ExportFiguresService } from './export-figures.service';

@ApiTag('export figures', 'Turnover and export per company and year, reported by staff or the company, with every correction kept')
@ApiBearerAuth()
@Controller('companies/:id/export-figures')
export class ExportFiguresController {
  constructor(private readonly exportFigures: ExportFiguresService) {}

  @Put(':year')
  @Roles('staff', 'company')
  @ApiOperation({
    summary: "Report a company's turnover and export for a year (staff, or the company itself)",
    description: '201 for the first report of the year; 200 for a correction (a new revision; earlier ones are kept) or for the same figures again (no new revision).',
  })
  @ApiParam({ name: 'id', type: String, format: 'uuid', description: 'A UUID' })
  @ApiParam({ name: 'year', type: 'integer', example: 2025, description: 'From 2000 to the current year' })
  @ApiCreatedResponse({ type: ExportFiguresDetailDto, description: 'First report of the year' })
  @ApiOkResponse({ type: ExportFiguresDetailDto, description: 'A correction, or the same figures again' })
  @ApiErrorResponse(COMPANY_NOT_FOUND, COMPANY_MERGED)
  async report(
    @Param() params: ExportYearParams,
    @Body() body: PutExportFiguresDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ExportFiguresDetailDto> {
    assertCanActForCompany(principal, params.id);
    const { created, figures } = await this.exportFigures.report(params.id, params.year, body, principal);
    void reply.status(created ? 201 : 200);
    return figures;
  }

  @Get()
  @Roles('staff', 'company')
  @ApiOperation({ summary: "A company's figures, one row per year", description: 'Each year with its current revision, latest year first.' })
  @ApiOkResponse({ type: PageOf(ExportFiguresDto) })
  @ApiErrorResponse(COMPANY_NOT_FOUND, COMPANY_MERGED)
  list(@UuidParam('id') companyId: string, @Query() query: PageQueryDto, @CurrentPrincipal() principal: Principal): Promise<Page<ExportFiguresDto>> {
    assertCanActForCompany(principal, companyId);
    return this.exportFigures.list(companyId, query);
  }

  @Get(':year')
  @Roles('staff', 'company')
  @ApiOperation({ summary: "A company's figures for a year", description: 'The current figures with every revision, oldest first.' })
  @ApiParam({ name: 'id', type: String, format: 'uuid', description: 'A UUID' })
  @ApiParam({ name: 'year', type: 'integer', example: 2025, description: 'The calendar year of the figures' })
  @ApiOkResponse({ type: ExportFiguresDetailDto })
  @ApiErrorResponse(COMPANY_NOT_FOUND, COMPANY_MERGED, EXPORT_FIGURES_NOT_FOUND)
  get(@Param() params: ExportYearParams, @CurrentPrincipal() principal: Principal): Promise<ExportFiguresDetailDto> {
    assertCanActForCompany(principal, params.id);
    return this.exportFigures.get(params.id, params.year);
  }
}
