import { CurrentPrincipal, type Principal, Roles } from '@globac/auth';
import { type Page, PageOf } from '@globac/http';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { CreateExportRingDto } from './dto/create-export-ring.dto';
import { ExportRingDto } from './dto/export-ring.dto';
import { JoinRingDto } from './dto/join-ring.dto';
import { LeaveRingDto } from './dto/leave-ring.dto';
import { ListExportRingsQueryDto } from './dto/list-export-rings.query.dto';
import { ListMembershipsQueryDto } from './dto/list-memberships.query.dto';
import { MembershipDto } from './dto/membership.dto';
import { UpdateExportRingDto } from './dto/update-export-ring.dto';
import { ExportRingsService } from './export-rings.service';

@ApiTags('export-rings')
@ApiBearerAuth()
@Controller('export-rings')
export class ExportRingsController {
  constructor(private readonly rings: ExportRingsService) {}

  @Post()
  @Roles('staff')
  @ApiOperation({ summary: 'Form an export ring or export circle' })
  @ApiCreatedResponse({ type: ExportRingDto })
  create(@Body() dto: CreateExportRingDto): Promise<ExportRingDto> {
    return this.rings.create(dto);
  }

  @Get()
  @Roles('staff', 'financier', 'company')
  @ApiOkResponse({ type: PageOf(ExportRingDto) })
  list(@Query() query: ListExportRingsQueryDto): Promise<Page<ExportRingDto>> {
    return this.rings.list(query);
  }

  @Get(':ringId')
  @Roles('staff', 'financier', 'company')
  @ApiOkResponse({ type: ExportRingDto })
  get(@Param('ringId', ParseUUIDPipe) ringId: string): Promise<ExportRingDto> {
    return this.rings.get(ringId);
  }

  @Patch(':ringId')
  @Roles('staff')
  @ApiOkResponse({ type: ExportRingDto })
  update(@Param('ringId', ParseUUIDPipe) ringId: string, @Body() dto: UpdateExportRingDto): Promise<ExportRingDto> {
    return this.rings.update(ringId, dto);
  }

  @Post(':ringId/members')
  @Roles('staff')
  @ApiOperation({ summary: 'A company joins the ring', description: 'It is invited to the ring\'s meetings to come on days of its membership.' })
  @ApiCreatedResponse({ type: MembershipDto })
  @ApiConflictResponse({ description: 'ALREADY_MEMBER: the company is a member on some of those days already' })
  @ApiUnprocessableEntityResponse({ description: 'UNKNOWN_COMPANY, COMPANY_MERGED' })
  join(@Param('ringId', ParseUUIDPipe) ringId: string, @Body() dto: JoinRingDto, @CurrentPrincipal() principal: Principal): Promise<MembershipDto> {
    return this.rings.join(ringId, dto, principal);
  }

  @Post(':ringId/members/:membershipId/leave')
  @HttpCode(200)
  @Roles('staff')
  @ApiOperation({ summary: 'A member leaves the ring after a last day', description: 'Its invitations to meetings after that day are withdrawn.' })
  @ApiOkResponse({ type: MembershipDto })
  @ApiConflictResponse({ description: 'MEMBERSHIP_ALREADY_ENDED' })
  @ApiUnprocessableEntityResponse({ description: 'LEAVES_BEFORE_JOINING' })
  leave(
    @Param('ringId', ParseUUIDPipe) ringId: string,
    @Param('membershipId', ParseUUIDPipe) membershipId: string,
    @Body() dto: LeaveRingDto,
  ): Promise<MembershipDto> {
    return this.rings.leave(ringId, membershipId, dto);
  }

  @Get(':ringId/members')
  @Roles('staff', 'financier')
  @ApiOperation({ summary: 'Memberships of the ring, optionally those that include a day' })
  @ApiOkResponse({ type: PageOf(MembershipDto) })
  listMembers(@Param('ringId', ParseUUIDPipe) ringId: string, @Query() query: ListMembershipsQueryDto): Promise<Page<MembershipDto>> {
    return this.rings.listMembers(ringId, query);
  }
}
