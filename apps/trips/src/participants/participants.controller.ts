import { CurrentPrincipal, type Principal, Roles } from '@globac/auth';
import { type Page, PageOf, UuidParam } from '@globac/http';
import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
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
import { ApplyDto } from './dto/apply.dto';
import { ListParticipantsQueryDto } from './dto/list-participants.query.dto';
import { ParticipantDto } from './dto/participant.dto';
import { ParticipantsService } from './participants.service';

@ApiTags('trip participants')
@ApiBearerAuth()
@ApiParam({ name: 'tripId', format: 'uuid' })
@ApiBadRequestResponse({ description: 'VALIDATION_FAILED: a malformed id or body' })
@ApiForbiddenResponse({ description: 'FORBIDDEN: the role may not do this, or a company user acts for another company' })
@ApiNotFoundResponse({ description: 'TRIP_NOT_FOUND, PARTICIPANT_NOT_FOUND' })
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
  @ApiConflictResponse({ description: 'ALREADY_APPLIED (details.participantId), TRIP_NOT_OPEN, APPLICATIONS_CLOSED, TRIP_ALREADY_STARTED' })
  @ApiUnprocessableEntityResponse({ description: 'UNKNOWN_COMPANY, COMPANY_MERGED (details.mergedInto)' })
  apply(@UuidParam('tripId') tripId: string, @Body() dto: ApplyDto, @CurrentPrincipal() principal: Principal): Promise<ParticipantDto> {
    return this.participants.apply(tripId, dto, principal);
  }

  @Get()
  @Roles('staff', 'financier', 'company')
  @ApiOperation({ summary: 'The trip\'s participations', description: 'A company user sees only its own company\'s; a financier sees no names.' })
  @ApiOkResponse({ type: PageOf(ParticipantDto) })
  list(@UuidParam('tripId') tripId: string, @Query() query: ListParticipantsQueryDto, @CurrentPrincipal() principal: Principal): Promise<Page<ParticipantDto>> {
    return this.participants.list(tripId, query, principal);
  }

  @Get(':participantId')
  @Roles('staff', 'financier', 'company')
  @ApiOperation({ summary: 'One participation', description: 'A company user: of their own company.' })
  @ApiParam({ name: 'participantId', format: 'uuid' })
  @ApiOkResponse({ type: ParticipantDto })
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
  @ApiParam({ name: 'participantId', format: 'uuid' })
  @ApiOkResponse({ type: ParticipantDto })
  @ApiConflictResponse({ description: 'TRIP_FULL, PARTICIPANT_NOT_PENDING, TRIP_NOT_EDITABLE' })
  accept(@UuidParam('tripId') tripId: string, @UuidParam('participantId') participantId: string, @CurrentPrincipal() principal: Principal): Promise<ParticipantDto> {
    return this.participants.decide(tripId, participantId, 'accepted', principal);
  }

  @Post(':participantId/decline')
  @HttpCode(200)
  @Roles('staff')
  @ApiOperation({ summary: 'Decline an application', description: 'Declining a declined one answers it unchanged.' })
  @ApiParam({ name: 'participantId', format: 'uuid' })
  @ApiOkResponse({ type: ParticipantDto })
  @ApiConflictResponse({ description: 'PARTICIPANT_NOT_PENDING, TRIP_NOT_EDITABLE' })
  decline(@UuidParam('tripId') tripId: string, @UuidParam('participantId') participantId: string, @CurrentPrincipal() principal: Principal): Promise<ParticipantDto> {
    return this.participants.decide(tripId, participantId, 'declined', principal);
  }

  @Delete(':participantId')
  @Roles('staff', 'company')
  @ApiOperation({
    summary: 'Withdraw an application or acceptance before the trip starts',
    description: 'Withdrawing an accepted company publishes TripParticipantWithdrawn and frees its place. Withdrawing twice answers it unchanged.',
  })
  @ApiParam({ name: 'participantId', format: 'uuid' })
  @ApiOkResponse({ type: ParticipantDto })
  @ApiConflictResponse({ description: 'TRIP_ALREADY_STARTED, PARTICIPANT_NOT_PENDING (declined), TRIP_NOT_EDITABLE' })
  withdraw(@UuidParam('tripId') tripId: string, @UuidParam('participantId') participantId: string, @CurrentPrincipal() principal: Principal): Promise<ParticipantDto> {
    return this.participants.withdraw(tripId, participantId, principal);
  }
}
