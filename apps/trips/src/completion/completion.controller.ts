import { Roles } from '@globac/auth';
import { UuidParam } from '@globac/http';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { TripDto } from '../trips/dto/trip.dto';
import { CompletionService } from './completion.service';
import { CompleteTripDto, CorrectCompletionDto } from './dto/completion.dto';

@ApiTags('trips')
@ApiBearerAuth()
@ApiParam({ name: 'tripId', format: 'uuid' })
@ApiBadRequestResponse({ description: 'VALIDATION_FAILED: a malformed id or body, a company listed twice, more days than the trip has' })
@ApiForbiddenResponse({ description: 'FORBIDDEN: staff only' })
@ApiNotFoundResponse({ description: 'TRIP_NOT_FOUND' })
@ApiUnprocessableEntityResponse({ description: 'NOT_AN_ACCEPTED_PARTICIPANT: a listed company was not accepted on the trip' })
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
  @ApiConflictResponse({ description: 'TRIP_STATUS_CONFLICT (planned, cancelled, completed), TRIP_NOT_STARTED' })
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
  @ApiConflictResponse({ description: 'TRIP_STATUS_CONFLICT: the trip is not completed' })
  correct(@UuidParam('tripId') tripId: string, @Body() dto: CorrectCompletionDto): Promise<TripDto> {
    return this.completion.correct(tripId, dto);
  }
}
