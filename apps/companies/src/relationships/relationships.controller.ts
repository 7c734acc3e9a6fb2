import { assertCanActForCompany, CurrentPrincipal, type Principal, Roles } from '@globac/auth';
import { type Page, PageOf } from '@globac/http';
import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '@globac/http';
import { ChangeStageDto, ListRelationshipsQueryDto, OpenRelationshipDto } from './dto/change-stage.dto';
import { RelationshipDetailDto, RelationshipDto } from './dto/relationship.dto';
import { RelationshipsService } from './relationships.service';

@ApiTags('relationships')
@ApiBearerAuth()
@Controller()
export class RelationshipsController {
  constructor(private readonly relationships: RelationshipsService) {}

  @Post('companies/:id/relationships')
  @Roles('staff')
  @ApiOperation({ summary: "Open a company's relationship with a partner abroad, at a stage (staff)" })
  @ApiCreatedResponse({ type: RelationshipDetailDto })
  @ApiConflictResponse({ description: 'RELATIONSHIP_EXISTS: an open one exists; details.existingId' })
  open(@UuidParam('id') companyId: string, @Body() body: OpenRelationshipDto, @CurrentPrincipal() principal: Principal): Promise<RelationshipDetailDto> {
    return this.relationships.open(companyId, body, principal);
  }

  @Get('companies/:id/relationships')
  @Roles('staff', 'company')
  @ApiOperation({ summary: "A company's relationships, latest moved first (staff, or the company itself, read-only)" })
  @ApiOkResponse({ type: PageOf(RelationshipDto) })
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
  @ApiOperation({ summary: 'One relationship with its stage history' })
  @ApiOkResponse({ type: RelationshipDetailDto })
  get(@UuidParam('id') id: string, @CurrentPrincipal() principal: Principal): Promise<RelationshipDetailDto> {
    return this.relationships.get(id, principal);
  }

  @Patch('relationships/:id')
  @HttpCode(200)
  @Roles('staff')
  @ApiOperation({ summary: 'Move a relationship to another stage, saying when and what moved it (staff)' })
  @ApiOkResponse({ type: RelationshipDetailDto })
  @ApiConflictResponse({ description: 'RELATIONSHIP_STAGE_UNCHANGED, or RELATIONSHIP_EXISTS when taking up an ended one while another is open' })
  move(@UuidParam('id') id: string, @Body() body: ChangeStageDto, @CurrentPrincipal() principal: Principal): Promise<RelationshipDetailDto> {
    return this.relationships.move(id, body, principal);
  }
}
