import { FINANCIERS, type Financier, IsCalendarDate } from '@globac/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsDefined, IsIn, IsInt, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { trim } from '../../request-fields';
import { DestinationDto } from './destination.dto';

export const MAX_CAPACITY = 200;
export const MAX_SUBSIDY_SEK = 10_000_000;

export class CreateTripDto {
  @ApiProperty({ type: String, example: 'Delegation to Poznań: food and wood', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  title: string;

  @ApiProperty({ type: String, example: 'B2B meetings with wholesalers and visits to the Poznań fair', maxLength: 2000 })
  @Transform(trim)
  @IsString()
  @Length(1, 2000)
  purpose: string;

  @ApiProperty({ type: DestinationDto, isArray: true, minItems: 1, maxItems: 30 })
  @IsDefined()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => DestinationDto)
  destinations: DestinationDto[];

  @ApiProperty({ type: String, format: 'date', example: '2026-05-04', description: 'First day abroad; not before today' })
  @IsCalendarDate()
  startsOn: string;

  @ApiProperty({ type: String, format: 'date', example: '2026-05-07', description: 'Last day abroad; not before startsOn' })
  @IsCalendarDate()
  endsOn: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_CAPACITY, nullable: true, description: 'Places for companies; absent or null for no limit' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_CAPACITY)
  capacity?: number | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, description: 'Last day applications are taken; not after startsOn. Absent: the day before the trip' })
  @IsOptional()
  @IsCalendarDate()
  applicationClosesOn?: string | null;

  @ApiPropertyOptional({ type: String, enum: FINANCIERS, isArray: true, nullable: true, example: ['eu', 'region-vasterbotten'], description: 'Absent or null: none' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(FINANCIERS.length)
  @ArrayUnique()
  @IsIn(FINANCIERS, { each: true, message: `each value in $property must be one of ${FINANCIERS.join(', ')}` })
  financiers?: Financier[] | null;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_SUBSIDY_SEK, nullable: true, default: 0, description: 'What the programme pays per travelling company, whole SEK; absent or null: 0' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_SUBSIDY_SEK)
  subsidyPerCompanySek?: number | null;
}
