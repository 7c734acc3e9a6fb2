import { CurrentPrincipal, type Principal, Roles } from '@globac/auth';
import { type Page, PageOf, UuidParam } from '@globac/http';
import { Body, Controller, Get, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CreateMeetingDto } from './dto/create-meeting.dto';
import { ListMeetingsQueryDto } from './dto/list-meetings.query.dto';
import { MeetingDto } from './dto/meeting.dto';
import { RecordOutcomeDto } from './dto/record-outcome.dto';
import { MeetingsService } from './meetings.service';

@ApiTags('partner meetings')
@ApiBearerAuth()
@ApiParam({ name: 'tripId', format: 'uuid' })
@ApiBadRequestResponse({ description: 'VALIDATION_FAILED: a malformed id or body' })
@ApiForbiddenResponse({ description: 'FORBIDDEN: the role may not do this, or a company user reads another company\'s meeting' })
@ApiNotFoundResponse({ description: 'TRIP_NOT_FOUND, MEETING_NOT_FOUND' })
@Controller('trips/:tripId/meetings')
export class MeetingsController {
  constructor(private readonly meetings: MeetingsService) {}

  @Post()
  @Roles('staff')
  @ApiOperation({
    summary: 'Book a B2B meeting of an accepted company with a partner abroad',
    description: 'The partner by `partnerId` (known from the companies service) or `partner: { name, countryCode, targetRegion? }`, which the companies service registers.',
  })
  @ApiCreatedResponse({ type: MeetingDto })
  @ApiConflictResponse({ description: 'TRIP_CANCELLED' })
  @ApiUnprocessableEntityResponse({ description: 'NOT_AN_ACCEPTED_PARTICIPANT, UNKNOWN_PARTNER' })
  create(@UuidParam('tripId') tripId: string, @Body() dto: CreateMeetingDto, @CurrentPrincipal() principal: Principal): Promise<MeetingDto> {
    return this.meetings.create(tripId, dto, principal);
  }

  @Get()
  @Roles('staff', 'financier', 'company')
  @ApiOperation({ summary: 'The trip\'s meetings', description: 'A company user sees only its own company\'s.' })
  @ApiOkResponse({ type: PageOf(MeetingDto) })
  list(@UuidParam('tripId') tripId: string, @Query() query: ListMeetingsQueryDto, @CurrentPrincipal() principal: Principal): Promise<Page<MeetingDto>> {
    return this.meetings.list(tripId, query, principal);
  }

  @Get(':meetingId')
  @Roles('staff', 'financier', 'company')
  @ApiOperation({ summary: 'One meeting', description: 'A company user: of their own company.' })
  @ApiParam({ name: 'meetingId', format: 'uuid' })
  @ApiOkResponse({ type: MeetingDto })
  get(@UuidParam('tripId') tripId: string, @UuidParam('meetingId') meetingId: string, @CurrentPrincipal() principal: Principal): Promise<MeetingDto> {
    return this.meetings.get(tripId, meetingId, principal);
  }

  @Put(':meetingId/outcome')
  @Roles('staff')
  @ApiOperation({
    summary: 'Record what came of a meeting',
    description:
      'Publishes PartnerMeetingHeld; a changed outcome or follow-up day publishes it again with the next revision, which the companies service ' +
      'applies as a correction of the same meeting. The same outcome again publishes nothing.',
  })
  @ApiParam({ name: 'meetingId', format: 'uuid' })
  @ApiOkResponse({ type: MeetingDto })
  @ApiConflictResponse({ description: 'MEETING_NOT_HELD_YET, TRIP_CANCELLED' })
  recordOutcome(
    @UuidParam('tripId') tripId: string,
    @UuidParam('meetingId') meetingId: string,
    @Body() dto: RecordOutcomeDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MeetingDto> {
    return this.meetings.recordOutcome(tripId, meetingId, dto, principal);
  }
}
