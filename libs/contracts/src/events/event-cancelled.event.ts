import { ArrayUnique, IsArray, IsUUID } from 'class-validator';
import { Description, IsInstant } from '../field.decorators';
import { IntegrationEvent } from '../integration-event.decorator';

@IntegrationEvent({
  producer: 'events',
  aggregate: 'event',
  event: 'cancelled',
  version: 1,
  description:
    'A programme event was cancelled; its registrations no longer count as participation. Names the registrations ' +
    'it cancelled and their companies, so that the companies can be told.',
})
export class EventCancelled {
  @Description('The cancelled event.')
  @IsUUID()
  readonly eventId: string;

  @Description('Every registration the cancellation affects (registered and waitlisted).')
  @IsArray()
  @ArrayUnique()
  @IsUUID('all', { each: true })
  readonly affectedRegistrationIds: string[];

  @Description('The companies of those registrations, each once.')
  @IsArray()
  @ArrayUnique()
  @IsUUID('all', { each: true })
  readonly affectedCompanyIds: string[];

  @Description('When it was cancelled.')
  @IsInstant()
  readonly cancelledAt: string;
}
