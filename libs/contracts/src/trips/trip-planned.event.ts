import { IsString, Length } from 'class-validator';
import { Description } from '../field.decorators';
import { IntegrationEvent } from '../integration-event.decorator';
import { TripItinerary } from './trip-itinerary';

@IntegrationEvent({
  producer: 'trips',
  aggregate: 'trip',
  event: 'planned',
  version: 1,
  description: 'A business trip or delegation abroad was planned.',
})
export class TripPlanned extends TripItinerary {
  @Description('The trip\'s public title, e.g. "Delegation to Poznań" (never a person\'s name).')
  @IsString()
  @Length(1, 200)
  readonly title: string;
}
