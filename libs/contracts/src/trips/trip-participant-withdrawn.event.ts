import { IsUUID } from 'class-validator';
import { Description, IsInstant } from '../field.decorators';
import { IntegrationEvent } from '../integration-event.decorator';

@IntegrationEvent({
  producer: 'trips',
  aggregate: 'trip',
  event: 'participant-withdrawn',
  version: 1,
  description: 'An accepted company withdrew from a trip.',
})
export class TripParticipantWithdrawn {
  @Description('The participation withdrawn.')
  @IsUUID()
  readonly participationId: string;

  @Description('The trip.')
  @IsUUID()
  readonly tripId: string;

  @Description('The company.')
  @IsUUID()
  readonly companyId: string;

  @Description('When it withdrew.')
  @IsInstant()
  readonly withdrawnAt: string;
}
