import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsISO31661Alpha2, IsString, IsUUID, Length } from 'class-validator';
import { Description, IsCalendarDate, IsCode } from '../field.decorators';
import { IntegrationEvent } from '../integration-event.decorator';

@IntegrationEvent({
  producer: 'trips',
  aggregate: 'trip',
  event: 'planned',
  version: 1,
  description: 'A business trip or delegation abroad was planned.',
})
export class TripPlanned {
  @Description('The trip.')
  @IsUUID()
  readonly tripId: string;

  @Description('The trip\'s public title, e.g. "Delegation to Poznań" (never a person\'s name).')
  @IsString()
  @Length(1, 200)
  readonly title: string;

  @Description('Destination countries, ISO 3166-1 alpha-2.')
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ArrayUnique()
  @IsISO31661Alpha2({ each: true })
  readonly destinationCountries: string[];

  @Description('Target regions visited (e.g. poznan, novara, xian); empty if none.')
  @IsArray()
  @ArrayMaxSize(30)
  @ArrayUnique()
  @IsCode({ each: true })
  readonly targetRegions: string[];

  @Description('First day abroad.')
  @IsCalendarDate()
  readonly startsOn: string;

  @Description('Last day abroad.')
  @IsCalendarDate()
  readonly endsOn: string;

  @Description('Codes of the financiers the trip is reported to.')
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsCode({ each: true })
  readonly financierIds: string[];
}
