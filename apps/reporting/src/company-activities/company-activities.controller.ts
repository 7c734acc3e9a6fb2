import { assertCanActForCompany, CurrentPrincipal, hasRole, type Principal, Roles } from '@globac/auth';
import { type Page, PageOf, UuidParam } from '@globac/http';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CompanyActivitiesService } from './company-activities.service';
import { CompanyActivitiesQueryDto, CompanyActivityDto } from './dto/company-activities.dto';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports/companies')
export class CompanyActivitiesController {
  constructor(private readonly activities: CompanyActivitiesService) {}

  @Get(':id/activities')
  @Roles('financier', 'staff', 'company')
  @ApiOperation({
    summary: 'A company\'s participation history',
    description:
      'Its participations in programme events (no-shows and cancelled events included, marked) and its places on completed trips, newest ' +
      'first, with those of duplicates merged into it. A company user reads only the company in their token.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: PageOf(CompanyActivityDto) })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: another company\'s history' })
  @ApiNotFoundResponse({ description: 'COMPANY_NOT_FOUND: nothing is known about this company' })
  async list(
    @UuidParam('id') id: string,
    @Query() query: CompanyActivitiesQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<CompanyActivityDto>> {
    // Financiers read reports about every company; company users only their own.
    if (!hasRole(principal, 'financier')) assertCanActForCompany(principal, id);
    const { items, total } = await this.activities.list(id, { from: query.from, to: query.to, limit: query.pageSize, offset: query.offset });
    return { items, total, page: query.page, pageSize: query.pageSize };
  }
}
