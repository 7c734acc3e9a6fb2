import { Roles } from '@globac/auth';
import { type ApiErrorOptions, ApiErrorResponse, ApiTag, UuidParam } from '@globac/http';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { NOT_AN_ACCEPTED_PARTICIPANT, TRIP_NOT_FOUND, TRIP_NOT_STARTED, TRIP_STATUS_CONFLICT } from '../api-errors';
import { TripDto } from '../trips/dto/trip.dto';
import { CompletionService } from './completion.service';
import { CompleteTripDto, CorrectCompletionDto } from './dto/completion.dto';

/** The code meetings answer, said of a travelled list. */
const NOT_TRAVELLED_PARTICIPANT: ApiErrorOptions = {
  ...NOT_AN_ACCEPTED_PARTICIPANT,
  description: 'a listed company was not accepted on the trip (details.companyId: the first such; details.status is null)',
};

@ApiTag('trips', 'Business trips and delegations abroad: plan, change, open, close, cancel, complete, correct who travelled')
@ApiBearerAuth()
@Controller('trips/:tripId')
export class CompletionController {
  constructor(private readonly completion: CompletionService) {}

  @Post('complete')
  @HttpCode(200)
  @Roles('staff')
  @ApiOperation({
    summary: 'Complete a trip: who travelled',
    description: 'From its first day on, from open or closed. Default: every accepted company for the whole trip. Publishes TripCompleted with each company\'s subsidy.',
  })
  @ApiOkResponse({ type: TripDto })
  @ApiErrorResponse(
    TRIP_NOT_FOUND,
    { ...TRIP_STATUS_CONFLICT, description: 'the trip is planned, cancelled or completed already (details.status)' },
    TRIP_NOT_STARTED,
    NOT_TRAVELLED_PARTICIPANT,
  )
  complete(@UuidParam('tripId') tripId: string, @Body() dto: CompleteTripDto): Promise<TripDto> {
    return this.completion.complete(tripId, dto ?? {});
  }

  @Post('completion-corrections')
  @HttpCode(200)
  @Roles('staff')
  @ApiOperation({
    summary: 'Correct who travelled on a completed trip',
    description: 'The whole corrected list; publishes TripCompletionCorrected naming the event it corrects. The same list again changes nothing.',
  })
  @ApiOkResponse({ type: TripDto })
  @ApiErrorResponse(TRIP_NOT_FOUND, { ...TRIP_STATUS_CONFLICT, description: 'the trip is not completed (details.status)' }, NOT_TRAVELLED_PARTICIPANT)
  correct(@UuidParam('tripId') tripId: string, @Body() dto: CorrectCompletionDto): Promise<TripDto> {
    return this.completion.correct(tripId, dto);
  }
}
