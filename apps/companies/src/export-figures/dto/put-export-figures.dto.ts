import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsInt, IsISO31661Alpha2, IsUUID, Max, Min, ValidateBy } from 'class-validator';
import { FIRST_EXPORT_YEAR, latestReportableYear } from '../export-figures.rules';

const MAX_SEK = 1_000_000_000_000_000;

/** The path of one year's figures: a company id and a year from 2000 to the current year. */
export class ExportYearParams {
  @IsUUID('all', { message: 'must be a UUID' })
  id: string;

  @Type(() => Number)
  @IsInt({ message: 'must be a year like 2025' })
  @Min(FIRST_EXPORT_YEAR, { message: `must be ${FIRST_EXPORT_YEAR} or later` })
  // Checked when the request comes, so that a long-running process notices the new year.
  @ValidateBy({
    name: 'notFutureYear',
    validator: {
      validate: (value: unknown) => typeof value === 'number' && value <= latestReportableYear(),
      defaultMessage: () => `must not be in the future (figures can be reported up to ${latestReportableYear()})`,
    },
  })
  year: number;
}

export class PutExportFiguresDto {
  @ApiProperty({ type: 'integer', description: 'Total turnover of the year in whole SEK', example: 42_000_000, minimum: 0 })
  @IsInt({ message: 'must be a whole number of SEK' })
  @Min(0, { message: 'must not be negative' })
  @Max(MAX_SEK, { message: `must be at most ${MAX_SEK}` })
  totalTurnoverSek: number;

  @ApiProperty({ type: 'integer', description: 'Export turnover of the year in whole SEK, at most the total; 0 if the company did not export', example: 9_500_000, minimum: 0 })
  @IsInt({ message: 'must be a whole number of SEK' })
  @Min(0, { message: 'must not be negative' })
  @Max(MAX_SEK, { message: `must be at most ${MAX_SEK}` })
  exportTurnoverSek: number;

  @ApiProperty({ description: 'Countries exported to, ISO 3166-1 alpha-2 (not SE); empty when not exporting', example: ['NO', 'PL', 'IT'], type: [String] })
  @Transform(({ value }) => (Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim().toUpperCase() : v)) : value))
  @IsArray({ message: 'must be a list of country codes' })
  @ArrayMaxSize(250, { message: 'must name at most 250 countries' })
  @ArrayUnique({ message: 'must not name a country twice' })
  @IsISO31661Alpha2({ each: true, message: 'must hold ISO 3166-1 alpha-2 country codes, like NO or PL' })
  exportMarkets: string[];
}
