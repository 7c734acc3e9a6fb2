import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { Description, IsInstant } from '../field.decorators';
import { TripItinerary } from './trip-itinerary';

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
export abstract class TripCompletionRecord extends TripItinerary {
  @Description('The companies that travelled.')
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => TravellingCompany)
  readonly travellingCompanies: TravellingCompany[];

  @Description('When the trip was recorded as completed (or corrected).')
  @IsInstant()
  readonly completedAt: string;
}
