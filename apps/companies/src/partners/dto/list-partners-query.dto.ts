import { PageQueryDto } from '@globac/http';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsISO31661Alpha2, IsOptional, IsString, Length, Matches } from 'class-validator';

export class ListPartnersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'PL', description: 'ISO 3166-1 alpha-2 country code of the partner' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.toUpperCase() : value))
  @IsISO31661Alpha2({ message: 'must be an ISO 3166-1 alpha-2 country code' })
  country?: string;

  @ApiPropertyOptional({ example: 'poznan', description: 'The code of a target region (see /api/reference-data/target-regions)' })
  @IsOptional()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'must be a target region code like poznan' })
  targetRegion?: string;

  @ApiPropertyOptional({ description: 'Text in the name' })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @Length(1, 100, { message: 'must be 1 to 100 characters' })
  q?: string;
}
