import { IsInstant } from '@globac/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Length, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { canonicalPlaceName, MUNICIPALITY_INPUTS, type MunicipalityInput } from '../../reference-data/municipality.rules';
import { IsOrgNumber } from '../is-org-number.decorator';
import { COMPANY_FIELD_DOCS, SNI_CODE, SNI_CODE_MESSAGE, WEBSITE_OPTIONS } from './company-fields';

// Fields that a company always has may be left out but not set to null; the others may be cleared with null.
const present = (_object: object, value: unknown) => value !== undefined;

/** Only the fields to change; a field left out keeps its value, null clears an optional one. */
export class UpdateCompanyDto {
  @ApiPropertyOptional({ ...COMPANY_FIELD_DOCS.orgNumber, description: `${COMPANY_FIELD_DOCS.orgNumber.description}. Staff only.` })
  @ValidateIf(present)
  @IsOrgNumber()
  orgNumber?: string;

  @ApiPropertyOptional(COMPANY_FIELD_DOCS.name)
  @ValidateIf(present)
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'must be a string' })
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  name?: string;

  @ApiPropertyOptional(COMPANY_FIELD_DOCS.municipality)
  @ValidateIf(present)
  @Transform(({ value }) => canonicalPlaceName(value))
  @IsIn(MUNICIPALITY_INPUTS, { message: `must be one of Västerbotten's municipalities (${MUNICIPALITY_INPUTS.slice(0, -1).join(', ')}) or outside-county` })
  municipality?: MunicipalityInput;

  @ApiPropertyOptional(COMPANY_FIELD_DOCS.county)
  @ValidateIf(present)
  @Transform(({ value }) => canonicalPlaceName(value))
  @IsString({ message: 'must be a string' })
  county?: string;

  @ApiPropertyOptional({ ...COMPANY_FIELD_DOCS.sniCode, type: String, nullable: true })
  @IsOptional()
  @Matches(SNI_CODE, { message: SNI_CODE_MESSAGE })
  sniCode?: string | null;

  @ApiPropertyOptional({ ...COMPANY_FIELD_DOCS.employees, type: 'integer', nullable: true })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(0, { message: 'must not be negative' })
  @Max(1_000_000, { message: 'must be at most 1000000' })
  employees?: number | null;

  @ApiPropertyOptional({ ...COMPANY_FIELD_DOCS.website, type: String, format: 'uri', nullable: true })
  @IsOptional()
  @MaxLength(300, { message: 'must be at most 300 characters' })
  @IsUrl(WEBSITE_OPTIONS, { message: 'must be an http(s) URL like https://example.se' })
  website?: string | null;

  @ApiPropertyOptional({ ...COMPANY_FIELD_DOCS.description, type: String, nullable: true })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @MaxLength(4000, { message: 'must be at most 4000 characters' })
  description?: string | null;

  @ApiPropertyOptional({
    description:
      'When the change takes effect (ISO 8601 with a zone), e.g. the day the company moved; not in the future, and for a move ' +
      'not before the current municipality took effect. Defaults to now.',
    example: '2026-04-01T00:00:00Z',
    type: String,
    format: 'date-time',
  })
  @ValidateIf(present)
  @IsInstant()
  effectiveFrom?: string;
}
