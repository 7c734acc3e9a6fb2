import { assertCanActForCompany, CurrentPrincipal, type Principal, Roles } from '@globac/auth';
import { type Page, PageOf } from '@globac/http';
import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiErrorResponse, ApiTag, UuidParam } from '@globac/http';
import {
  COMPANY_MERGED,
  COMPANY_NOT_FOUND,
  PARTNER_NOT_FOUND,
  RELATIONSHIP_EXISTS,
  RELATIONSHIP_NOT_FOUND,
  RELATIONSHIP_STAGE_UNCHANGED,
} from '../api-errors';
import { ChangeStageDto, ListRelationshipsQueryDto, OpenRelationshipDto } from './dto/change-stage.dto';
import { RelationshipDetailDto, RelationshipDto } from './dto/relationship.dto';
import { RelationshipsService } from './relationships.service';

@ApiTag('relationships', 'Relationships of companies with partners abroad, moved through stages from lead to long-term')
@ApiBearerAuth()
@Controller()
export class RelationshipsController {
  constructor(private readonly relationships: RelationshipsService) {}

  @Post('companies/:id/relationships')
  @Roles('staff')
  @ApiOperation({
    summary: "Open a company's relationship with a partner abroad (staff)",
    description: 'At a stage; a company has at most one open relationship with a partner.',
  })
  @ApiCreatedResponse({ type: RelationshipDetailDto })
  @ApiErrorResponse(RELATIONSHIP_EXISTS, COMPANY_NOT_FOUND, COMPANY_MERGED, PARTNER_NOT_FOUND)
  open(@UuidParam('id') companyId: string, @Body() body: OpenRelationshipDto, @CurrentPrincipal() principal: Principal): Promise<RelationshipDetailDto> {
    return this.relationships.open(companyId, body, principal);
  }

  @Get('companies/:id/relationships')
  @Roles('staff', 'company')
  @ApiOperation({
    summary: "A company's relationships (staff, or the company itself, read-only)",
    description: 'Latest moved first, optionally at one stage.',
  })
  @ApiOkResponse({ type: PageOf(RelationshipDto) })
  @ApiErrorResponse(COMPANY_NOT_FOUND, COMPANY_MERGED)
  list(
    @UuidParam('id') companyId: string,
    @Query() query: ListRelationshipsQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<RelationshipDto>> {
    assertCanActForCompany(principal, companyId);
    return this.relationships.listForCompany(companyId, query);
  }

  @Get('relationships/:id')
  @Roles('staff', 'company')
  @ApiOperation({ summary: 'One relationship', description: 'With its partner and its stage history, oldest first.' })
  @ApiOkResponse({ type: RelationshipDetailDto })
  @ApiErrorResponse(RELATIONSHIP_NOT_FOUND)
  get(@UuidParam('id') id: string, @CurrentPrincipal() principal: Principal): Promise<RelationshipDetailDto> {
    return this.relationships.get(id, principal);
  }

  @Patch('relationships/:id')
  @HttpCode(200)
  @Roles('staff')
  @ApiOperation({
    summary: 'Move a relationship to another stage (staff)',
    description: 'Saying when and what moved it. Taking up an ended relationship while another one with the partner is open answers 409 RELATIONSHIP_EXISTS.',
  })
  @ApiOkResponse({ type: RelationshipDetailDto })
  @ApiErrorResponse(RELATIONSHIP_STAGE_UNCHANGED, RELATIONSHIP_EXISTS, RELATIONSHIP_NOT_FOUND)
  move(@UuidParam('id') id: string, @Body() body: ChangeStageDto, @CurrentPrincipal() principal: Principal): Promise<RelationshipDetailDto> {
    return this.relationships.move(id, body, principal);
  }
}
