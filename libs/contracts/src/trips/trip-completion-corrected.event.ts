import { IsUUID } from 'class-validator';
import { Description } from '../field.decorators';
import { IntegrationEvent } from '../integration-event.decorator';
import { TripCompletionRecord } from './trip-completion-record';

@IntegrationEvent({
  producer: 'trips',
  aggregate: 'trip',
  event: 'completion-corrected',
  version: 1,
  description: 'The record of a completed trip was wrong and is replaced as a whole by this one; it says which event it corrects.',
})
export class TripCompletionCorrected extends TripCompletionRecord {
  @Description('The id of the TripCompleted (or earlier TripCompletionCorrected) event this replaces.')
  @IsUUID()
  readonly correctsEventId: string;
}
