import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsInt, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { MAX_SUBSIDY_SEK } from '../../trips/dto/create-trip.dto';

export class TravelledDto {
  @ApiProperty({ type: String, format: 'uuid', description: 'An accepted participant\'s company' })
  @IsUUID()
  companyId: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 366, example: 4, description: 'Days its people spent abroad; at most the trip\'s length' })
  @IsInt()
  @Min(1)
  @Max(366)
  daysAbroad: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_SUBSIDY_SEK, nullable: true, description: 'Whole SEK; absent or null: the trip\'s subsidyPerCompanySek' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_SUBSIDY_SEK)
  subsidySek?: number | null;
}

export class CompleteTripDto {
  @ApiPropertyOptional({
    type: TravelledDto,
    isArray: true,
    maxItems: 200,
    nullable: true,
    description: 'Who travelled. Absent or null: every accepted company, for the trip\'s whole length, with the trip\'s subsidy per company',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => TravelledDto)
  travelled?: TravelledDto[] | null;
}

export class CorrectCompletionDto {
  @ApiProperty({ type: TravelledDto, isArray: true, maxItems: 200, description: 'The whole corrected list of who travelled (it replaces the last one)' })
  @IsDefined()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => TravelledDto)
  travelled: TravelledDto[];
}
