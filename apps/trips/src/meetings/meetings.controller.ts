import { CurrentPrincipal, type Principal, Roles } from '@globac/auth';
import { ApiErrorResponse, ApiTag, type Page, PageOf, UuidParam } from '@globac/http';
import { Body, Controller, Get, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { MEETING_NOT_FOUND, MEETING_NOT_HELD_YET, NOT_AN_ACCEPTED_PARTICIPANT, TRIP_CANCELLED, TRIP_NOT_FOUND, UNKNOWN_PARTNER } from '../api-errors';
import { CreateMeetingDto } from './dto/create-meeting.dto';
import { ListMeetingsQueryDto } from './dto/list-meetings.query.dto';
import { MeetingDto } from './dto/meeting.dto';
import { RecordOutcomeDto } from './dto/record-outcome.dto';
import { MeetingsService } from './meetings.service';

@ApiTag('partner meetings', 'B2B meetings of accepted companies with partners abroad during a trip, and what came of them')
@ApiBearerAuth()
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
  @ApiErrorResponse(
    TRIP_NOT_FOUND,
    TRIP_CANCELLED,
    { ...NOT_AN_ACCEPTED_PARTICIPANT, description: 'the company is not an accepted participant of the trip (details.status: its participation, null if it never applied)' },
    UNKNOWN_PARTNER,
  )
  create(@UuidParam('tripId') tripId: string, @Body() dto: CreateMeetingDto, @CurrentPrincipal() principal: Principal): Promise<MeetingDto> {
    return this.meetings.create(tripId, dto, principal);
  }

  @Get()
  @Roles('staff', 'financier', 'company')
  @ApiOperation({ summary: 'The trip\'s meetings', description: 'A company user sees only its own company\'s.' })
  @ApiOkResponse({ type: PageOf(MeetingDto) })
  @ApiErrorResponse(TRIP_NOT_FOUND)
  list(@UuidParam('tripId') tripId: string, @Query() query: ListMeetingsQueryDto, @CurrentPrincipal() principal: Principal): Promise<Page<MeetingDto>> {
    return this.meetings.list(tripId, query, principal);
  }

  @Get(':meetingId')
  @Roles('staff', 'financier', 'company')
  @ApiOperation({ summary: 'One meeting', description: 'A company user: of their own company.' })
  @ApiOkResponse({ type: MeetingDto })
  @ApiErrorResponse(TRIP_NOT_FOUND, MEETING_NOT_FOUND)
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
  @ApiOkResponse({ type: MeetingDto })
  @ApiErrorResponse(TRIP_NOT_FOUND, MEETING_NOT_FOUND, MEETING_NOT_HELD_YET, TRIP_CANCELLED)
  recordOutcome(
    @UuidParam('tripId') tripId: string,
    @UuidParam('meetingId') meetingId: string,
    @Body() dto: RecordOutcomeDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MeetingDto> {
    return this.meetings.recordOutcome(tripId, meetingId, dto, principal);
  }
}
