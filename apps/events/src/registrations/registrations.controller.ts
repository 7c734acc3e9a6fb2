import { CurrentPrincipal, type Principal, Roles } from '@globac/auth';
import { type Page, PageOf } from '@globac/http';
import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { CreateRegistrationDto } from './dto/create-registration.dto';
import { ListRegistrationsQueryDto } from './dto/list-registrations.query.dto';
import { RegistrationDto } from './dto/registration.dto';
import { RegistrationsService } from './registrations.service';

@ApiTags('registrations')
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
  @ApiConflictResponse({ description: 'ALREADY_REGISTERED (details.registrationId), REGISTRATION_CLOSED, EVENT_ALREADY_STARTED, EVENT_CANCELLED' })
  @ApiUnprocessableEntityResponse({ description: 'UNKNOWN_COMPANY, COMPANY_MERGED (details.mergedInto)' })
  register(
    @Param('eventId', ParseUUIDPipe) eventId: string,
    @Body() dto: CreateRegistrationDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RegistrationDto> {
    return this.registrations.register(eventId, dto, principal);
  }

  @Get()
  @Roles('staff')
  @ApiOperation({ summary: 'The event\'s registrations (staff only)' })
  @ApiOkResponse({ type: PageOf(RegistrationDto) })
  list(@Param('eventId', ParseUUIDPipe) eventId: string, @Query() query: ListRegistrationsQueryDto): Promise<Page<RegistrationDto>> {
    return this.registrations.list(eventId, query);
  }

  @Get(':registrationId')
  @Roles('staff', 'company')
  @ApiOperation({ summary: 'One registration (a company user: of their own company)' })
  @ApiOkResponse({ type: RegistrationDto })
  get(
    @Param('eventId', ParseUUIDPipe) eventId: string,
    @Param('registrationId', ParseUUIDPipe) registrationId: string,
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
  @ApiConflictResponse({ description: 'EVENT_ALREADY_STARTED: record a no-show as attendance false instead' })
  cancel(
    @Param('eventId', ParseUUIDPipe) eventId: string,
    @Param('registrationId', ParseUUIDPipe) registrationId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RegistrationDto> {
    return this.registrations.cancel(eventId, registrationId, principal);
  }
}
