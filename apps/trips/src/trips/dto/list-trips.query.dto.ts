import { FINANCIERS, type Financier, IsCalendarDate } from '@globac/contracts';
import { PageQueryDto } from '@globac/http';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsISO31661Alpha2, IsOptional } from 'class-validator';
import { toUpperCase } from '../../request-fields';
import { TARGET_REGIONS } from '../../target-regions';
import { TRIP_STATUSES, type TripStatus } from '../trip.entity';

export class ListTripsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: String, enum: TRIP_STATUSES, description: 'Trips in this status' })
  @IsOptional()
  @IsIn(TRIP_STATUSES, { message: `$property must be one of ${TRIP_STATUSES.join(', ')}` })
  status?: TripStatus;

  @ApiPropertyOptional({ type: String, example: 'PL', description: 'Trips with a destination in this country, ISO 3166-1 alpha-2 (any letter case)' })
  @IsOptional()
  @Transform(toUpperCase)
  @IsISO31661Alpha2({ message: '$property must be an ISO 3166-1 alpha-2 country code' })
  country?: string;

  @ApiPropertyOptional({ type: String, enum: TARGET_REGIONS, description: 'Trips visiting this target region' })
  @IsOptional()
  @IsIn(TARGET_REGIONS, { message: `$property must be one of ${TARGET_REGIONS.join(', ')}` })
  targetRegion?: string;

  @ApiPropertyOptional({ type: String, enum: FINANCIERS, description: 'Trips this financier funds' })
  @IsOptional()
  @IsIn(FINANCIERS, { message: `$property must be one of ${FINANCIERS.join(', ')}` })
  financier?: Financier;

  @ApiPropertyOptional({ type: String, format: 'date', description: 'Trips starting on or after this day' })
  @IsOptional()
  @IsCalendarDate()
  startsFrom?: string;

  @ApiPropertyOptional({ type: String, format: 'date', description: 'Trips starting before this day' })
  @IsOptional()
  @IsCalendarDate()
  startsBefore?: string;
}
