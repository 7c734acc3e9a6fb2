import { IsUUID } from 'class-validator';
import { Description, IsInstant } from '../field.decorators';
import { IntegrationEvent } from '../integration-event.decorator';

@IntegrationEvent({
  producer: 'trips',
  aggregate: 'trip',
  event: 'cancelled',
  version: 1,
  description: 'A planned trip was cancelled before it took place; its participants no longer count.',
})
export class TripCancelled {
  @Description('The cancelled trip.')
  @IsUUID()
  readonly tripId: string;

  @Description('When it was cancelled.')
  @IsInstant()
  readonly cancelledAt: string;
}
