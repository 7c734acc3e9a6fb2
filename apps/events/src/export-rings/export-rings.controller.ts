import { CurrentPrincipal, type Principal, Roles } from '@globac/auth';
import { ALREADY_MEMBER, COMPANY_MERGED, EXPORT_RING_NOT_FOUND, LEAVES_BEFORE_JOINING, MEMBERSHIP_ALREADY_ENDED, MEMBERSHIP_NOT_FOUND, UNKNOWN_COMPANY } from '../api-errors';
import { type Page, PageOf, ApiErrorResponse, ApiTag, UuidParam } from '@globac/http';
import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { CreateExportRingDto } from './dto/create-export-ring.dto';
import { ExportRingDto } from './dto/export-ring.dto';
import { JoinRingDto } from './dto/join-ring.dto';
import { LeaveRingDto } from './dto/leave-ring.dto';
import { ListExportRingsQueryDto } from './dto/list-export-rings.query.dto';
import { ListMembershipsQueryDto } from './dto/list-memberships.query.dto';
import { MembershipDto } from './dto/membership.dto';
import { UpdateExportRingDto } from './dto/update-export-ring.dto';
import { ExportRingsService } from './export-rings.service';

@ApiTag('export-rings', 'Export rings and export circles: their member companies over time, invited to their meetings')
@ApiBearerAuth()
@Controller('export-rings')
export class ExportRingsController {
  constructor(private readonly rings: ExportRingsService) {}

  @Post()
  @Roles('staff')
  @ApiOperation({ summary: 'Form an export ring or export circle', description: 'Members join it afterwards; its meetings are programme events naming it.' })
  @ApiCreatedResponse({ type: ExportRingDto })
  create(@Body() dto: CreateExportRingDto): Promise<ExportRingDto> {
    return this.rings.create(dto);
  }

  @Get()
  @Roles('staff', 'financier', 'company')
  @ApiOperation({ summary: 'Export rings and circles', description: 'By name, optionally of one kind or in one city.' })
  @ApiOkResponse({ type: PageOf(ExportRingDto) })
  list(@Query() query: ListExportRingsQueryDto): Promise<Page<ExportRingDto>> {
    return this.rings.list(query);
  }

  @Get(':ringId')
  @Roles('staff', 'financier', 'company')
  @ApiOperation({ summary: 'One export ring or circle', description: 'With its number of current members.' })
  @ApiOkResponse({ type: ExportRingDto })
  @ApiErrorResponse(EXPORT_RING_NOT_FOUND)
  get(@UuidParam('ringId') ringId: string): Promise<ExportRingDto> {
    return this.rings.get(ringId);
  }

  @Patch(':ringId')
  @Roles('staff')
  @ApiOperation({ summary: 'Change an export ring or circle', description: 'Only the fields sent change; its kind is fixed.' })
  @ApiOkResponse({ type: ExportRingDto })
  @ApiErrorResponse(EXPORT_RING_NOT_FOUND)
  update(@UuidParam('ringId') ringId: string, @Body() dto: UpdateExportRingDto): Promise<ExportRingDto> {
    return this.rings.update(ringId, dto);
  }

  @Post(':ringId/members')
  @Roles('staff')
  @ApiOperation({ summary: 'A company joins the ring', description: 'It is invited to the ring\'s meetings to come on days of its membership.' })
  @ApiCreatedResponse({ type: MembershipDto })
  @ApiErrorResponse(EXPORT_RING_NOT_FOUND, ALREADY_MEMBER, UNKNOWN_COMPANY, COMPANY_MERGED)
  join(@UuidParam('ringId') ringId: string, @Body() dto: JoinRingDto, @CurrentPrincipal() principal: Principal): Promise<MembershipDto> {
    return this.rings.join(ringId, dto, principal);
  }

  @Post(':ringId/members/:membershipId/leave')
  @HttpCode(200)
  @Roles('staff')
  @ApiOperation({ summary: 'A member leaves the ring after a last day', description: 'Its invitations to meetings after that day are withdrawn.' })
  @ApiOkResponse({ type: MembershipDto })
  @ApiErrorResponse(EXPORT_RING_NOT_FOUND, MEMBERSHIP_NOT_FOUND, MEMBERSHIP_ALREADY_ENDED, LEAVES_BEFORE_JOINING)
  leave(
    @UuidParam('ringId') ringId: string,
    @UuidParam('membershipId') membershipId: string,
    @Body() dto: LeaveRingDto,
  ): Promise<MembershipDto> {
    return this.rings.leave(ringId, membershipId, dto);
  }

  @Get(':ringId/members')
  @Roles('staff', 'financier')
  @ApiOperation({ summary: 'Memberships of the ring', description: 'Optionally those that include a day, or those of one company.' })
  @ApiOkResponse({ type: PageOf(MembershipDto) })
  @ApiErrorResponse(EXPORT_RING_NOT_FOUND)
  listMembers(@UuidParam('ringId') ringId: string, @Query() query: ListMembershipsQueryDto): Promise<Page<MembershipDto>> {
    return this.rings.listMembers(ringId, query);
  }
}
