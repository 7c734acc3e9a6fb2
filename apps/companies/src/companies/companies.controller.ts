import { assertCanActForCompany, CurrentPrincipal, type Principal, Roles } from '@globac/auth';
import { type Page, PageOf } from '@globac/http';
import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiErrorResponse, ApiTag, UuidParam } from '@globac/http';
import { COMPANY_MERGED, COMPANY_NOT_FOUND, DUPLICATE_ORG_NUMBER, ORG_NUMBER_CHANGE_NOT_ALLOWED } from '../api-errors';
import { CompaniesService } from './companies.service';
import { CompanyDetailDto, CompanyDto } from './dto/company.dto';
import { CreateCompanyDto } from './dto/create-company.dto';
import { ListCompaniesQueryDto } from './dto/list-companies-query.dto';
import { UpdateCompanyDto } from './dto/update-company.dto';

@ApiTag('companies', 'The county\'s companies in the programme: register, read, change, list, merge duplicates')
@ApiBearerAuth()
@Controller('companies')
export class CompaniesController {
  constructor(private readonly companies: CompaniesService) {}

  @Post()
  @Roles('staff')
  @ApiOperation({
    summary: 'Register a company (staff)',
    description:
      'The organisation number is unique among companies (a merged duplicate keeps its number: registering it again answers 409 ' +
      'with the surviving company). Publishes CompanyRegistered.',
  })
  @ApiCreatedResponse({ type: CompanyDetailDto })
  @ApiErrorResponse(DUPLICATE_ORG_NUMBER)
  register(@Body() body: CreateCompanyDto): Promise<CompanyDetailDto> {
    return this.companies.register(body);
  }

  @Get()
  @Roles('staff')
  @ApiOperation({
    summary: 'List companies (staff)',
    description: 'Filtered, searched, sorted and paged; merged duplicates are not listed.',
  })
  @ApiOkResponse({ type: PageOf(CompanyDto) })
  list(@Query() query: ListCompaniesQueryDto): Promise<Page<CompanyDto>> {
    return this.companies.list(query);
  }

  @Get(':id')
  @Roles('staff', 'company')
  @ApiOperation({
    summary: 'One company (staff, or the company itself)',
    description: 'With its municipality history. A merged duplicate answers 410 with the company it was merged into.',
  })
  @ApiOkResponse({ type: CompanyDetailDto })
  @ApiErrorResponse(COMPANY_NOT_FOUND, COMPANY_MERGED)
  get(@UuidParam('id') id: string, @CurrentPrincipal() principal: Principal): Promise<CompanyDetailDto> {
    assertCanActForCompany(principal, id);
    return this.companies.get(id);
  }

  @Patch(':id')
  @HttpCode(200)
  @Roles('staff', 'company')
  @ApiOperation({
    summary: 'Change a company (staff, or the company itself; the organisation number only by staff)',
    description:
      'Only the fields sent change; null clears an optional field. A change of municipality is a move, dated by effectiveFrom ' +
      '(default now) and kept in the municipality history. Publishes CompanyUpdated (or CompanyMoved) when something changed.',
  })
  @ApiOkResponse({ type: CompanyDetailDto })
  @ApiErrorResponse(DUPLICATE_ORG_NUMBER, ORG_NUMBER_CHANGE_NOT_ALLOWED, COMPANY_NOT_FOUND, COMPANY_MERGED)
  update(@UuidParam('id') id: string, @Body() body: UpdateCompanyDto, @CurrentPrincipal() principal: Principal): Promise<CompanyDetailDto> {
    assertCanActForCompany(principal, id);
    return this.companies.update(id, body, principal);
  }
}
