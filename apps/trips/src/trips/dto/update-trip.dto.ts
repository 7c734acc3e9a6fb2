import { FINANCIERS, type Financier, IsCalendarDate } from '@globac/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { trim, UnlessAbsent } from '../../request-fields';
import { MAX_CAPACITY, MAX_SUBSIDY_SEK } from './create-trip.dto';
import { DestinationDto } from './destination.dto';

/** The editable fields; what is left out stays. `capacity` and `applicationClosesOn` may be set to null. */
export class UpdateTripDto {
  @ApiPropertyOptional({ type: String, maxLength: 200 })
  @UnlessAbsent()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  title?: string;

  @ApiPropertyOptional({ type: String, maxLength: 2000 })
  @UnlessAbsent()
  @Transform(trim)
  @IsString()
  @Length(1, 2000)
  purpose?: string;

  @ApiPropertyOptional({ type: DestinationDto, isArray: true, minItems: 1, maxItems: 30 })
  @UnlessAbsent()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => DestinationDto)
  destinations?: DestinationDto[];

  @ApiPropertyOptional({ type: String, format: 'date' })
  @UnlessAbsent()
  @IsCalendarDate()
  startsOn?: string;

  @ApiPropertyOptional({ type: String, format: 'date' })
  @UnlessAbsent()
  @IsCalendarDate()
  endsOn?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_CAPACITY, nullable: true, description: 'null removes the limit' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_CAPACITY)
  capacity?: number | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  @IsOptional()
  @IsCalendarDate()
  applicationClosesOn?: string | null;

  @ApiPropertyOptional({ type: String, enum: FINANCIERS, isArray: true })
  @UnlessAbsent()
  @IsArray()
  @ArrayMaxSize(FINANCIERS.length)
  @ArrayUnique()
  @IsIn(FINANCIERS, { each: true, message: `each value in $property must be one of ${FINANCIERS.join(', ')}` })
  financiers?: Financier[];

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_SUBSIDY_SEK, description: 'Whole SEK per travelling company' })
  @UnlessAbsent()
  @IsInt()
  @Min(0)
  @Max(MAX_SUBSIDY_SEK)
  subsidyPerCompanySek?: number;
}
