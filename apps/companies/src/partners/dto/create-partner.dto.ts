import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsISO31661Alpha2, IsOptional, IsString, IsUrl, Length, Matches, MaxLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreatePartnerDto {
  @ApiProperty({ example: 'Wielkopolska Food Import Sp. z o.o.', maxLength: 200 })
  @Transform(trim)
  @IsString({ message: 'must be a string' })
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  name: string;

  @ApiProperty({ example: 'PL', description: 'ISO 3166-1 alpha-2 code of the country the partner is in (not SE)' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsISO31661Alpha2({ message: 'must be an ISO 3166-1 alpha-2 country code, like PL or IT' })
  countryCode: string;

  @ApiPropertyOptional({ example: 'Poznań', maxLength: 200 })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'must be a string' })
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  regionOrCity?: string;

  @ApiPropertyOptional({ example: 'Food wholesale', maxLength: 200 })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'must be a string' })
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  sector?: string;

  @ApiPropertyOptional({ example: 'https://wfi.example.pl' })
  @IsOptional()
  @MaxLength(300, { message: 'must be at most 300 characters' })
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] }, { message: 'must be an http(s) URL' })
  website?: string;

  @ApiPropertyOptional({ example: 'poznan', description: 'Code of a target region (GET /api/reference-data/target-regions) in the partner\'s country' })
  @IsOptional()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'must be a target region code like poznan' })
  targetRegion?: string;
}
