import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsISO31661Alpha2,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Description, IsCalendarDate, IsCode, IsInstant } from '../field.decorators';

/** One company that travelled, with what reporting needs about its part of the trip. */
export class TravellingCompany {
  @Description('The company.')
  @IsUUID()
  readonly companyId: string;

  @Description('Days the company\'s people spent abroad on the trip.')
  @IsInt()
  @Min(0)
  @Max(366)
  readonly daysAbroad: number;

  @Description('Subsidy granted to the company for the trip, whole SEK.')
  @IsInt()
  @Min(0)
  readonly subsidySek: number;
}

/** Everything reporting needs about a completed trip, whole: shared by TripCompleted and TripCompletionCorrected. */
export abstract class TripCompletionRecord {
  @Description('The trip.')
  @IsUUID()
  readonly tripId: string;

  @Description('Countries visited, ISO 3166-1 alpha-2.')
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

  @Description('The companies that travelled.')
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => TravellingCompany)
  readonly travellingCompanies: TravellingCompany[];

  @Description('Codes of the financiers the trip is reported to.')
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsCode({ each: true })
  readonly financierIds: string[];

  @Description('When the trip was recorded as completed (or corrected).')
  @IsInstant()
  readonly completedAt: string;
}
