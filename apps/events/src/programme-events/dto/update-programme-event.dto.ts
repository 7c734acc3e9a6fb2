import { EVENT_TOPICS, type EventTopic, FINANCIERS, type Financier, IsInstant } from '@globac/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsISO31661Alpha2, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { toUpperCase, trim, UnlessAbsent } from '../../request-fields';
import { MAX_CAPACITY } from './create-programme-event.dto';
import { LocationDto } from './location.dto';

/**
 * The fields to change; absent fields stay as they are. `capacity`, `targetCountry` and
 * `registrationClosesAt` may be set to null (no limit, none, at the start). An event's kind and ring
 * are fixed: schedule another event instead.
 */
export class UpdateProgrammeEventDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @UnlessAbsent()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  title?: string;

  @ApiPropertyOptional({ enum: EVENT_TOPICS })
  @UnlessAbsent()
  @IsIn(EVENT_TOPICS, { message: `$property must be one of ${EVENT_TOPICS.join(', ')}` })
  topic?: EventTopic;

  @ApiPropertyOptional({ format: 'date-time' })
  @UnlessAbsent()
  @IsInstant()
  startsAt?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @UnlessAbsent()
  @IsInstant()
  endsAt?: string;

  @ApiPropertyOptional({ type: LocationDto })
  @UnlessAbsent()
  @ValidateNested()
  @Type(() => LocationDto)
  location?: LocationDto;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_CAPACITY, nullable: true, description: 'null removes the limit; raising it promotes the waitlist' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_CAPACITY)
  capacity?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'PL', description: 'ISO 3166-1 alpha-2 (any letter case); null: none' })
  @IsOptional()
  @Transform(toUpperCase)
  @IsISO31661Alpha2({ message: '$property must be an ISO 3166-1 alpha-2 country code, like PL' })
  targetCountry?: string | null;

  @ApiPropertyOptional({ enum: FINANCIERS, isArray: true })
  @UnlessAbsent()
  @IsArray()
  @ArrayMaxSize(FINANCIERS.length)
  @ArrayUnique()
  @IsIn(FINANCIERS, { each: true, message: `each value in $property must be one of ${FINANCIERS.join(', ')}` })
  financiers?: Financier[];

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'null: registration closes at the start' })
  @IsOptional()
  @IsInstant()
  registrationClosesAt?: string | null;
}
