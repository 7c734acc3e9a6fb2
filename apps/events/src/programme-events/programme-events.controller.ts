import { CurrentPrincipal, type Principal, Roles } from '@globac/auth';
import { ATTENDANCE_RECORDED, CAPACITY_BELOW_REGISTERED, EVENT_CANCELLED, EVENT_NOT_FOUND, RING_KIND_MISMATCH, UNKNOWN_RING } from '../api-errors';
import { type Page, PageOf, ApiErrorResponse, ApiTag, UuidParam } from '@globac/http';
import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { CreateProgrammeEventDto } from './dto/create-programme-event.dto';
import { ListProgrammeEventsQueryDto } from './dto/list-programme-events.query.dto';
import { ProgrammeEventDto } from './dto/programme-event.dto';
import { UpdateProgrammeEventDto } from './dto/update-programme-event.dto';
import { ProgrammeEventsService } from './programme-events.service';

@ApiTag('events', 'Programme events (seminars, competence meetings, trade fairs, export-ring meetings): schedule, change, cancel, list')
@ApiBearerAuth()
@Controller('events')
export class ProgrammeEventsController {
  constructor(private readonly events: ProgrammeEventsService) {}

  @Post()
  @Roles('staff')
  @ApiOperation({
    summary: 'Schedule a programme event',
    description: 'An export-ring-meeting or export-circle-meeting names its ring (`ringId`); the ring\'s members on its day are invited at once.',
  })
  @ApiCreatedResponse({ type: ProgrammeEventDto })
  @ApiErrorResponse(UNKNOWN_RING, RING_KIND_MISMATCH)
  create(@Body() dto: CreateProgrammeEventDto, @CurrentPrincipal() principal: Principal): Promise<ProgrammeEventDto> {
    return this.events.create(dto, principal);
  }

  @Get()
  @Roles('staff', 'financier', 'company')
  @ApiOperation({ summary: 'Programme events, by start', description: 'Filtered by kind, topic, status, ring, financier, target country and start.' })
  @ApiOkResponse({ type: PageOf(ProgrammeEventDto) })
  list(@Query() query: ListProgrammeEventsQueryDto): Promise<Page<ProgrammeEventDto>> {
    return this.events.list(query);
  }

  @Get(':eventId')
  @Roles('staff', 'financier', 'company')
  @ApiOperation({ summary: 'One programme event', description: 'With its seats: registered, waitlisted and available.' })
  @ApiOkResponse({ type: ProgrammeEventDto })
  @ApiErrorResponse(EVENT_NOT_FOUND)
  get(@UuidParam('eventId') eventId: string): Promise<ProgrammeEventDto> {
    return this.events.get(eventId);
  }

  @Patch(':eventId')
  @Roles('staff')
  @ApiOperation({ summary: 'Change an event\'s details', description: 'More seats, or no limit, promote the waitlist in order.' })
  @ApiOkResponse({ type: ProgrammeEventDto })
  @ApiErrorResponse(EVENT_NOT_FOUND, EVENT_CANCELLED, CAPACITY_BELOW_REGISTERED, ATTENDANCE_RECORDED)
  update(@UuidParam('eventId') eventId: string, @Body() dto: UpdateProgrammeEventDto): Promise<ProgrammeEventDto> {
    return this.events.update(eventId, dto);
  }

  @Post(':eventId/cancel')
  @HttpCode(200)
  @Roles('staff')
  @ApiOperation({ summary: 'Cancel an event', description: 'Cancels its registrations; the companies are told through the EventCancelled integration event.' })
  @ApiOkResponse({ type: ProgrammeEventDto })
  @ApiErrorResponse(EVENT_NOT_FOUND, { ...EVENT_CANCELLED, description: 'the event is cancelled already' })
  cancel(@UuidParam('eventId') eventId: string): Promise<ProgrammeEventDto> {
    return this.events.cancel(eventId);
  }
}
