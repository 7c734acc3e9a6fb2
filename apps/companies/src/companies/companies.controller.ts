import { assertCanActForCompany, CurrentPrincipal, type Principal, Roles } from '@globac/auth';
import { type Page, PageOf } from '@globac/http';
import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiGoneResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { UuidParam } from '@globac/http';
import { CompaniesService } from './companies.service';
import { CompanyDetailDto, CompanyDto } from './dto/company.dto';
import { CreateCompanyDto } from './dto/create-company.dto';
import { ListCompaniesQueryDto } from './dto/list-companies-query.dto';
import { UpdateCompanyDto } from './dto/update-company.dto';

@ApiTags('companies')
@ApiBearerAuth()
@Controller('companies')
export class CompaniesController {
  constructor(private readonly companies: CompaniesService) {}

  @Post()
  @Roles('staff')
  @ApiOperation({ summary: 'Register a company (staff)' })
  @ApiCreatedResponse({ type: CompanyDetailDto })
  @ApiConflictResponse({ description: 'DUPLICATE_ORG_NUMBER: a company with this number exists; details.existingId is its id' })
  register(@Body() body: CreateCompanyDto): Promise<CompanyDetailDto> {
    return this.companies.register(body);
  }

  @Get()
  @Roles('staff')
  @ApiOperation({ summary: 'List companies (staff): filtered, searched, sorted and paged; merged duplicates are not listed' })
  @ApiOkResponse({ type: PageOf(CompanyDto) })
  list(@Query() query: ListCompaniesQueryDto): Promise<Page<CompanyDto>> {
    return this.companies.list(query);
  }

  @Get(':id')
  @Roles('staff', 'company')
  @ApiOperation({ summary: 'One company with its municipality history (staff, or the company itself)' })
  @ApiOkResponse({ type: CompanyDetailDto })
  @ApiGoneResponse({ description: 'COMPANY_MERGED: merged into another company; details.mergedInto is its id' })
  get(@UuidParam('id') id: string, @CurrentPrincipal() principal: Principal): Promise<CompanyDetailDto> {
    assertCanActForCompany(principal, id);
    return this.companies.get(id);
  }

  @Patch(':id')
  @HttpCode(200)
  @Roles('staff', 'company')
  @ApiOperation({
    summary: 'Change a company (staff, or the company itself; the organisation number only by staff)',
    description: 'A change of municipality is a move, dated by effectiveFrom (default now) and kept in the municipality history.',
  })
  @ApiOkResponse({ type: CompanyDetailDto })
  @ApiConflictResponse({ description: 'DUPLICATE_ORG_NUMBER' })
  @ApiGoneResponse({ description: 'COMPANY_MERGED' })
  update(@UuidParam('id') id: string, @Body() body: UpdateCompanyDto, @CurrentPrincipal() principal: Principal): Promise<CompanyDetailDto> {
    assertCanActForCompany(principal, id);
    return this.companies.update(id, body, principal);
  }
}
