import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsISO31661Alpha2, IsOptional, IsString, Length } from 'class-validator';
import { toUpperCase, trim } from '../../request-fields';
import { TARGET_REGIONS } from '../../target-regions';

export class DestinationDto {
  @ApiProperty({ type: String, example: 'PL', description: 'ISO 3166-1 alpha-2 (any letter case; answers are upper-case)' })
  @Transform(toUpperCase)
  @IsISO31661Alpha2({ message: '$property must be an ISO 3166-1 alpha-2 country code, like PL' })
  country: string;

  @ApiPropertyOptional({ type: String, enum: TARGET_REGIONS, nullable: true, example: 'poznan', description: 'A target region of the programme, in that country' })
  @IsOptional()
  @IsIn(TARGET_REGIONS, { message: `$property must be one of ${TARGET_REGIONS.join(', ')}` })
  targetRegion?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Poznań', maxLength: 100 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 100)
  city?: string | null;
}
