import { CurrentPrincipal, type Principal, Roles } from '@globac/auth';
import { ALREADY_REGISTERED, COMPANY_MERGED, EVENT_ALREADY_STARTED, EVENT_CANCELLED, EVENT_NOT_FOUND, REGISTRATION_CLOSED, REGISTRATION_NOT_FOUND, UNKNOWN_COMPANY } from '../api-errors';
import { type Page, PageOf, ApiErrorResponse, ApiTag, UuidParam } from '@globac/http';
import { Body, Controller, Delete, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { CreateRegistrationDto } from './dto/create-registration.dto';
import { ListRegistrationsQueryDto } from './dto/list-registrations.query.dto';
import { RegistrationDto } from './dto/registration.dto';
import { RegistrationsService } from './registrations.service';

@ApiTag('registrations', 'Participants of companies registered for programme events, with waitlists in order')
@ApiBearerAuth()
@Controller('events/:eventId/registrations')
export class RegistrationsController {
  constructor(private readonly registrations: RegistrationsService) {}

  @Post()
  @Roles('staff', 'company')
  @ApiOperation({
    summary: 'Register a participant of a company',
    description:
      'Status `registered` while seats remain, else `waitlisted` in order. A company user registers people of their own company only. ' +
      'For a ring meeting, the first participant a member company names takes the seat of its invitation.',
  })
  @ApiCreatedResponse({ type: RegistrationDto })
  @ApiErrorResponse(EVENT_NOT_FOUND, ALREADY_REGISTERED, REGISTRATION_CLOSED, EVENT_ALREADY_STARTED, EVENT_CANCELLED, UNKNOWN_COMPANY, COMPANY_MERGED)
  register(
    @UuidParam('eventId') eventId: string,
    @Body() dto: CreateRegistrationDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RegistrationDto> {
    return this.registrations.register(eventId, dto, principal);
  }

  @Get()
  @Roles('staff')
  @ApiOperation({ summary: "The event's registrations (staff only)", description: 'In order of registration, optionally by status or company.' })
  @ApiOkResponse({ type: PageOf(RegistrationDto) })
  @ApiErrorResponse(EVENT_NOT_FOUND)
  list(@UuidParam('eventId') eventId: string, @Query() query: ListRegistrationsQueryDto): Promise<Page<RegistrationDto>> {
    return this.registrations.list(eventId, query);
  }

  @Get(':registrationId')
  @Roles('staff', 'company')
  @ApiOperation({ summary: 'One registration', description: 'Staff, or a company user for a registration of their own company.' })
  @ApiOkResponse({ type: RegistrationDto })
  @ApiErrorResponse(REGISTRATION_NOT_FOUND)
  get(
    @UuidParam('eventId') eventId: string,
    @UuidParam('registrationId') registrationId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RegistrationDto> {
    return this.registrations.get(eventId, registrationId, principal);
  }

  @Delete(':registrationId')
  @Roles('staff', 'company')
  @ApiOperation({
    summary: 'Cancel a registration before the event',
    description: 'A freed seat goes to the first on the waitlist. Cancelling a cancelled registration answers it unchanged.',
  })
  @ApiOkResponse({ type: RegistrationDto })
  @ApiErrorResponse(EVENT_NOT_FOUND, REGISTRATION_NOT_FOUND, { ...EVENT_ALREADY_STARTED, description: 'the event has started: record a no-show as attendance false instead' })
  cancel(
    @UuidParam('eventId') eventId: string,
    @UuidParam('registrationId') registrationId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RegistrationDto> {
    return this.registrations.cancel(eventId, registrationId, principal);
  }
}
