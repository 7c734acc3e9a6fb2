import { EVENT_KINDS, EVENT_TOPICS, type EventKind, type EventTopic, FINANCIERS, type Financier, IsInstant } from '@globac/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsDefined, IsIn, IsInt, IsISO31661Alpha2, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { toUpperCase, trim } from '../../request-fields';
import { LocationDto } from './location.dto';

export const MAX_CAPACITY = 100_000;

export class CreateProgrammeEventDto {
  @ApiProperty({ enum: EVENT_KINDS, example: 'seminar' })
  @IsIn(EVENT_KINDS, { message: `$property must be one of ${EVENT_KINDS.join(', ')}` })
  kind: EventKind;

  @ApiProperty({ example: 'Transport and logistics to Poland', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  title: string;

  @ApiProperty({ enum: EVENT_TOPICS, example: 'transport-logistics' })
  @IsIn(EVENT_TOPICS, { message: `$property must be one of ${EVENT_TOPICS.join(', ')}` })
  topic: EventTopic;

  @ApiProperty({ format: 'date-time', example: '2026-03-12T08:30:00Z', description: 'ISO 8601 with a zone' })
  @IsInstant()
  startsAt: string;

  @ApiProperty({ format: 'date-time', example: '2026-03-12T12:00:00Z', description: 'ISO 8601 with a zone; after startsAt' })
  @IsInstant()
  endsAt: string;

  @ApiProperty({ type: LocationDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => LocationDto)
  location: LocationDto;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_CAPACITY, nullable: true, description: 'Seats; absent or null for no limit' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_CAPACITY)
  capacity?: number | null;

  @ApiPropertyOptional({ type: String, example: 'PL', nullable: true, description: 'The export market the event is about, ISO 3166-1 alpha-2 (any letter case; answers are upper-case)' })
  @IsOptional()
  @Transform(toUpperCase)
  @IsISO31661Alpha2({ message: '$property must be an ISO 3166-1 alpha-2 country code, like PL' })
  targetCountry?: string | null;

  @ApiPropertyOptional({ enum: FINANCIERS, isArray: true, example: ['eu', 'region-vasterbotten'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(FINANCIERS.length)
  @ArrayUnique()
  @IsIn(FINANCIERS, { each: true, message: `each value in $property must be one of ${FINANCIERS.join(', ')}` })
  financiers?: Financier[];

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'Registration closes then; not after startsAt. Absent or null: at the start' })
  @IsOptional()
  @IsInstant()
  registrationClosesAt?: string | null;

  @ApiPropertyOptional({ format: 'uuid', description: 'For export-ring-meeting and export-circle-meeting: the ring or circle' })
  @IsOptional()
  @IsUUID()
  ringId?: string;
}
