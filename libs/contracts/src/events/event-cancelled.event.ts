import { ArrayUnique, IsArray, IsUUID } from 'class-validator';
import { Description, IsInstant } from '../field.decorators';
import { IntegrationEvent } from '../integration-event.decorator';

@IntegrationEvent({
  producer: 'events',
  aggregate: 'event',
  event: 'cancelled',
  version: 1,
  description: 'A programme event was cancelled; its registrations no longer count as participation.',
})
export class EventCancelled {
  @Description('The cancelled event.')
  @IsUUID()
  readonly eventId: string;

  @Description('Every registration the cancellation affects.')
  @IsArray()
  @ArrayUnique()
  @IsUUID('all', { each: true })
  readonly affectedRegistrationIds: string[];

  @Description('When it was cancelled.')
  @IsInstant()
  readonly cancelledAt: string;
}
