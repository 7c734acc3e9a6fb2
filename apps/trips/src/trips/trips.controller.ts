import { CurrentPrincipal, type Principal, Roles } from '@globac/auth';
import { ApiErrorResponse, ApiTag, type Page, PageOf, UuidParam } from '@globac/http';
import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { CAPACITY_BELOW_ACCEPTED, TRIP_NOT_EDITABLE, TRIP_NOT_FOUND, TRIP_STATUS_CONFLICT } from '../api-errors';
import { CreateTripDto } from './dto/create-trip.dto';
import { ListTripsQueryDto } from './dto/list-trips.query.dto';
import { TripDto } from './dto/trip.dto';
import { UpdateTripDto } from './dto/update-trip.dto';
import { TripsService } from './trips.service';

@ApiTag('trips', 'Business trips and delegations abroad: plan, change, open, close, cancel, complete, correct who travelled')
@ApiBearerAuth()
@Controller('trips')
export class TripsController {
  constructor(private readonly trips: TripsService) {}

  @Post()
  @Roles('staff')
  @ApiOperation({ summary: 'Plan a trip', description: 'Status `planned`; publishes TripPlanned. A trip cannot start before today.' })
  @ApiCreatedResponse({ type: TripDto })
  create(@Body() dto: CreateTripDto, @CurrentPrincipal() principal: Principal): Promise<TripDto> {
    return this.trips.create(dto, principal);
  }

  @Get()
  @Roles('staff', 'financier', 'company')
  @ApiOperation({ summary: 'Trips, by first day', description: 'A company user sees open trips and those its company applied to.' })
  @ApiOkResponse({ type: PageOf(TripDto) })
  list(@Query() query: ListTripsQueryDto, @CurrentPrincipal() principal: Principal): Promise<Page<TripDto>> {
    return this.trips.list(query, principal);
  }

  @Get(':tripId')
  @Roles('staff', 'financier', 'company')
  @ApiOperation({ summary: 'One trip', description: 'A company user sees open trips and those its company applied to (else 403).' })
  @ApiOkResponse({ type: TripDto })
  @ApiErrorResponse(TRIP_NOT_FOUND)
  get(@UuidParam('tripId') tripId: string, @CurrentPrincipal() principal: Principal): Promise<TripDto> {
    return this.trips.get(tripId, principal);
  }

  @Patch(':tripId')
  @Roles('staff')
  @ApiOperation({ summary: 'Change a trip\'s details', description: 'While it is neither completed nor cancelled.' })
  @ApiOkResponse({ type: TripDto })
  @ApiErrorResponse(TRIP_NOT_FOUND, TRIP_NOT_EDITABLE, CAPACITY_BELOW_ACCEPTED)
  update(@UuidParam('tripId') tripId: string, @Body() dto: UpdateTripDto): Promise<TripDto> {
    return this.trips.update(tripId, dto);
  }

  @Post(':tripId/open')
  @HttpCode(200)
  @Roles('staff')
  @ApiOperation({ summary: 'Open a trip for applications', description: 'From planned, or again from closed.' })
  @ApiOkResponse({ type: TripDto })
  @ApiErrorResponse(TRIP_NOT_FOUND, TRIP_STATUS_CONFLICT)
  open(@UuidParam('tripId') tripId: string): Promise<TripDto> {
    return this.trips.openOrClose(tripId, 'open');
  }

  @Post(':tripId/close')
  @HttpCode(200)
  @Roles('staff')
  @ApiOperation({ summary: 'Close a trip\'s applications', description: 'From open. Staff may still accept or decline those who applied.' })
  @ApiOkResponse({ type: TripDto })
  @ApiErrorResponse(TRIP_NOT_FOUND, TRIP_STATUS_CONFLICT)
  close(@UuidParam('tripId') tripId: string): Promise<TripDto> {
    return this.trips.openOrClose(tripId, 'close');
  }

  @Post(':tripId/cancel')
  @HttpCode(200)
  @Roles('staff')
  @ApiOperation({ summary: 'Cancel a trip', description: 'From any state before completion; publishes TripCancelled.' })
  @ApiOkResponse({ type: TripDto })
  @ApiErrorResponse(TRIP_NOT_FOUND, { ...TRIP_STATUS_CONFLICT, description: 'the trip is completed or already cancelled' })
  cancel(@UuidParam('tripId') tripId: string): Promise<TripDto> {
    return this.trips.cancel(tripId);
  }
}
