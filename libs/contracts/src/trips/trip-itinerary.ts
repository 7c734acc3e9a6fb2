import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsISO31661Alpha2, IsUUID } from 'class-validator';
import { Description, IsCalendarDate, IsCode } from '../field.decorators';

/** Where and when a trip goes and who funds it: shared by TripPlanned and TripCompletionRecord, so both say it alike. */
export abstract class TripItinerary {
  @Description('The trip.')
  @IsUUID()
  readonly tripId: string;

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
