import { assertCanActForCompany, CurrentPrincipal, hasRole, type Principal, Roles } from '@globac/auth';
import { ApiErrorResponse, ApiTag, type Page, PageOf, UuidParam } from '@globac/http';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { COMPANY_NOT_FOUND } from '../api-errors';
import { CompanyActivitiesService } from './company-activities.service';
import { CompanyActivitiesQueryDto, CompanyActivityDto } from './dto/company-activities.dto';

@ApiTag('company activities', "A company's participation history across programme events and trips, for staff, financiers and the company itself")
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
  @ApiOkResponse({ type: PageOf(CompanyActivityDto), description: 'A page of activities, newest first' })
  @ApiErrorResponse(COMPANY_NOT_FOUND)
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
