import { IntegrationEvent } from '../integration-event.decorator';
import { TripCompletionRecord } from './trip-completion-record';

@IntegrationEvent({
  producer: 'trips',
  aggregate: 'trip',
  event: 'completed',
  version: 1,
  description: 'A trip took place: who travelled, for how many days, with what subsidy, reported to which financiers.',
})
export class TripCompleted extends TripCompletionRecord {}
