import { CurrentPrincipal, type Principal, Roles } from '@globac/auth';
import { ApiErrorResponse, ApiTag, type Page, PageOf, UuidParam } from '@globac/http';
import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import {
  ALREADY_APPLIED,
  APPLICATIONS_CLOSED,
  COMPANY_MERGED,
  PARTICIPANT_NOT_FOUND,
  PARTICIPANT_NOT_PENDING,
  TRIP_ALREADY_STARTED,
  TRIP_FULL,
  TRIP_NOT_EDITABLE,
  TRIP_NOT_FOUND,
  TRIP_NOT_OPEN,
  UNKNOWN_COMPANY,
} from '../api-errors';
import { ApplyDto } from './dto/apply.dto';
import { ListParticipantsQueryDto } from './dto/list-participants.query.dto';
import { ParticipantDto } from './dto/participant.dto';
import { ParticipantsService } from './participants.service';

@ApiTag('trip participants', "Companies applying for trips, staff's decisions, withdrawals, and the travellers of each company")
@ApiBearerAuth()
@Controller('trips/:tripId/participants')
export class ParticipantsController {
  constructor(private readonly participants: ParticipantsService) {}

  @Post()
  @Roles('staff', 'company')
  @ApiOperation({
    summary: 'Apply for a trip with a company',
    description: 'Status `applied`, for staff to accept or decline. A company user applies for their own company only. One application per company and trip.',
  })
  @ApiCreatedResponse({ type: ParticipantDto })
  @ApiErrorResponse(
    TRIP_NOT_FOUND,
    ALREADY_APPLIED,
    TRIP_NOT_OPEN,
    APPLICATIONS_CLOSED,
    { ...TRIP_ALREADY_STARTED, description: 'the trip has started: applications are no longer taken' },
    UNKNOWN_COMPANY,
    COMPANY_MERGED,
  )
  apply(@UuidParam('tripId') tripId: string, @Body() dto: ApplyDto, @CurrentPrincipal() principal: Principal): Promise<ParticipantDto> {
    return this.participants.apply(tripId, dto, principal);
  }

  @Get()
  @Roles('staff', 'financier', 'company')
  @ApiOperation({ summary: 'The trip\'s participations', description: 'A company user sees only its own company\'s; a financier sees no names.' })
  @ApiOkResponse({ type: PageOf(ParticipantDto) })
  @ApiErrorResponse(TRIP_NOT_FOUND)
  list(@UuidParam('tripId') tripId: string, @Query() query: ListParticipantsQueryDto, @CurrentPrincipal() principal: Principal): Promise<Page<ParticipantDto>> {
    return this.participants.list(tripId, query, principal);
  }

  @Get(':participantId')
  @Roles('staff', 'financier', 'company')
  @ApiOperation({ summary: 'One participation', description: 'A company user: of their own company.' })
  @ApiOkResponse({ type: ParticipantDto })
  @ApiErrorResponse(TRIP_NOT_FOUND, PARTICIPANT_NOT_FOUND)
  get(@UuidParam('tripId') tripId: string, @UuidParam('participantId') participantId: string, @CurrentPrincipal() principal: Principal): Promise<ParticipantDto> {
    return this.participants.get(tripId, participantId, principal);
  }

  @Post(':participantId/accept')
  @HttpCode(200)
  @Roles('staff')
  @ApiOperation({
    summary: 'Accept an application',
    description: 'Within the trip\'s capacity of accepted companies; publishes TripParticipantAccepted. Accepting an accepted one answers it unchanged.',
  })
  @ApiOkResponse({ type: ParticipantDto })
  @ApiErrorResponse(TRIP_NOT_FOUND, PARTICIPANT_NOT_FOUND, TRIP_FULL, { ...PARTICIPANT_NOT_PENDING, description: 'the application was declined or withdrawn' }, TRIP_NOT_EDITABLE)
  accept(@UuidParam('tripId') tripId: string, @UuidParam('participantId') participantId: string, @CurrentPrincipal() principal: Principal): Promise<ParticipantDto> {
    return this.participants.decide(tripId, participantId, 'accepted', principal);
  }

  @Post(':participantId/decline')
  @HttpCode(200)
  @Roles('staff')
  @ApiOperation({ summary: 'Decline an application', description: 'Declining a declined one answers it unchanged.' })
  @ApiOkResponse({ type: ParticipantDto })
  @ApiErrorResponse(TRIP_NOT_FOUND, PARTICIPANT_NOT_FOUND, { ...PARTICIPANT_NOT_PENDING, description: 'the application was accepted or withdrawn' }, TRIP_NOT_EDITABLE)
  decline(@UuidParam('tripId') tripId: string, @UuidParam('participantId') participantId: string, @CurrentPrincipal() principal: Principal): Promise<ParticipantDto> {
    return this.participants.decide(tripId, participantId, 'declined', principal);
  }

  @Delete(':participantId')
  @Roles('staff', 'company')
  @ApiOperation({
    summary: 'Withdraw an application or acceptance before the trip starts',
    description: 'Withdrawing an accepted company publishes TripParticipantWithdrawn and frees its place. Withdrawing twice answers it unchanged.',
  })
  @ApiOkResponse({ type: ParticipantDto })
  @ApiErrorResponse(
    TRIP_NOT_FOUND,
    PARTICIPANT_NOT_FOUND,
    { ...TRIP_ALREADY_STARTED, description: 'the trip has started: withdrawing is no longer possible' },
    { ...PARTICIPANT_NOT_PENDING, description: 'the application was declined' },
    TRIP_NOT_EDITABLE,
  )
  withdraw(@UuidParam('tripId') tripId: string, @UuidParam('participantId') participantId: string, @CurrentPrincipal() principal: Principal): Promise<ParticipantDto> {
    return this.participants.withdraw(tripId, participantId, principal);
  }
}
