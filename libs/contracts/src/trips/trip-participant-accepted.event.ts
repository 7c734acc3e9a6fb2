import { IsUUID } from 'class-validator';
import { Description, IsInstant } from '../field.decorators';
import { IntegrationEvent } from '../integration-event.decorator';

@IntegrationEvent({
  producer: 'trips',
  aggregate: 'trip',
  event: 'participant-accepted',
  version: 1,
  description: 'A company was accepted to travel on a trip.',
})
export class TripParticipantAccepted {
  @Description('The participation: one company on one trip.')
  @IsUUID()
  readonly participationId: string;

  @Description('The trip.')
  @IsUUID()
  readonly tripId: string;

  @Description('The travelling company.')
  @IsUUID()
  readonly companyId: string;

  @Description('When it was accepted.')
  @IsInstant()
  readonly acceptedAt: string;
}
