import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { canonicalPlaceName, MUNICIPALITY_INPUTS, type MunicipalityInput } from '../../reference-data/municipality.rules';
import { IsOrgNumber } from '../is-org-number.decorator';
import { COMPANY_FIELD_DOCS, SNI_CODE, SNI_CODE_MESSAGE, WEBSITE_OPTIONS } from './company-fields';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateCompanyDto {
  @ApiProperty(COMPANY_FIELD_DOCS.orgNumber)
  @IsOrgNumber()
  orgNumber: string;

  @ApiProperty(COMPANY_FIELD_DOCS.name)
  @Transform(trim)
  @IsString({ message: 'must be a string' })
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  name: string;

  @ApiProperty(COMPANY_FIELD_DOCS.municipality)
  @Transform(({ value }) => canonicalPlaceName(value))
  @IsIn(MUNICIPALITY_INPUTS, { message: `must be one of Västerbotten's municipalities (${MUNICIPALITY_INPUTS.slice(0, -1).join(', ')}) or outside-county` })
  municipality: MunicipalityInput;

  @ApiPropertyOptional(COMPANY_FIELD_DOCS.county)
  @IsOptional()
  @Transform(({ value }) => canonicalPlaceName(value))
  @IsString({ message: 'must be a string' })
  county?: string;

  @ApiPropertyOptional(COMPANY_FIELD_DOCS.sniCode)
  @IsOptional()
  @Matches(SNI_CODE, { message: SNI_CODE_MESSAGE })
  sniCode?: string;

  @ApiPropertyOptional({ ...COMPANY_FIELD_DOCS.employees, type: 'integer' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(0, { message: 'must not be negative' })
  @Max(1_000_000, { message: 'must be at most 1000000' })
  employees?: number;

  @ApiPropertyOptional(COMPANY_FIELD_DOCS.website)
  @IsOptional()
  @MaxLength(300, { message: 'must be at most 300 characters' })
  @IsUrl(WEBSITE_OPTIONS, { message: 'must be an http(s) URL like https://example.se' })
  website?: string;

  @ApiPropertyOptional(COMPANY_FIELD_DOCS.description)
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @MaxLength(4000, { message: 'must be at most 4000 characters' })
  description?: string;
}
