import { SIZE_CLASSES, type SizeClass } from '@globac/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { MUNICIPALITY_INPUTS, type MunicipalityInput, OUTSIDE_COUNTY } from '../../reference-data/municipality.rules';
import type { CompanyMunicipalityPeriod } from '../company-municipality-period.entity';
import type { Company } from '../company.entity';

export class CompanyDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '556036-0793' })
  orgNumber: string;

  @ApiProperty({ example: 'Norrskog Trä AB' })
  name: string;

  @ApiProperty({ enum: MUNICIPALITY_INPUTS, example: 'Skellefteå' })
  municipality: MunicipalityInput;

  @ApiProperty({ example: 'Västerbotten' })
  county: string;

  @ApiProperty({ type: String, nullable: true, example: '16.100' })
  sniCode: string | null;

  @ApiProperty({ type: 'integer', nullable: true, example: 24 })
  employees: number | null;

  @ApiProperty({ enum: SIZE_CLASSES, nullable: true, description: 'EU SME class from employees; null while employees is unknown' })
  sizeClass: SizeClass | null;

  @ApiProperty({ type: String, nullable: true })
  website: string | null;

  @ApiProperty({ type: String, nullable: true })
  description: string | null;

  @ApiProperty({ description: 'Export turnover above zero in the latest year the company reported figures for' })
  exporting: boolean;

  @ApiProperty({ type: 'integer', nullable: true, example: 2025, description: 'The latest year with export figures' })
  latestExportYear: number | null;

  @ApiProperty({ type: 'integer', description: '1 when registered, +1 for each change published to other services' })
  revision: number;

  @ApiProperty({ format: 'date-time' })
  registeredAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  static from(company: Company): CompanyDto {
    return {
      id: company.id,
      orgNumber: company.orgNumber,
      name: company.name,
      municipality: company.municipality ?? OUTSIDE_COUNTY,
      county: company.county,
      sniCode: company.sniCode,
      employees: company.employees,
      sizeClass: company.sizeClass,
      website: company.website,
      description: company.description,
      exporting: company.exporting,
      latestExportYear: company.latestExportYear,
      revision: company.revision,
      registeredAt: company.registeredAt.toISOString(),
      updatedAt: company.updatedAt.toISOString(),
    };
  }
}

export class MunicipalityPeriodDto {
  @ApiProperty({ enum: MUNICIPALITY_INPUTS })
  municipality: MunicipalityInput;

  @ApiProperty({ example: 'Västerbotten' })
  county: string;

  @ApiProperty({ format: 'date-time' })
  validFrom: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Null for the current municipality' })
  validTo: string | null;

  static from(period: CompanyMunicipalityPeriod): MunicipalityPeriodDto {
    return {
      municipality: period.municipality ?? OUTSIDE_COUNTY,
      county: period.county,
      validFrom: period.validFrom.toISOString(),
      validTo: period.validTo?.toISOString() ?? null,
    };
  }
}

/** One company with where it was over time. */
export class CompanyDetailDto extends CompanyDto {
  @ApiProperty({ type: MunicipalityPeriodDto, isArray: true, description: 'Where the company was, oldest first; the last is current' })
  municipalityHistory: MunicipalityPeriodDto[];
}
