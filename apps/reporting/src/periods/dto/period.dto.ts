import { IsCalendarDate } from '@globac/contracts';
import { PageQueryDto } from '@globac/http';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { IndicatorsReportDto } from '../../indicators/dto/indicators-report.dto';
import { REPORT_FORMATS } from '../../indicators/dto/indicators-query.dto';

export class FreezePeriodDto {
  @ApiProperty({ type: String, format: 'date', example: '2026-01-01', description: 'First day (Swedish time), included' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ type: String, format: 'date', example: '2026-06-30', description: 'Last day (Swedish time), included' })
  @IsCalendarDate()
  to: string;

  @ApiPropertyOptional({ type: String, example: 'eu', description: 'Freeze the report for one financier (its activities only)' })
  @IsOptional()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'must be a financier code like eu or region-vasterbotten' })
  financier?: string;
}

export class PeriodFormatQueryDto {
  @ApiPropertyOptional({ type: String, enum: REPORT_FORMATS, description: 'Download the frozen report as a file instead of JSON' })
  @IsOptional()
  @IsIn(REPORT_FORMATS, { message: `must be one of ${REPORT_FORMATS.join(', ')}` })
  format?: (typeof REPORT_FORMATS)[number];
}

export class ListPeriodsQueryDto extends PageQueryDto {}

/** A frozen period: its report as it was when frozen, whatever arrived afterwards. */
export class FrozenPeriodDto {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'date' }) from: string;
  @ApiProperty({ type: String, format: 'date' }) to: string;
  @ApiProperty({ type: String, nullable: true }) financier: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) producedAt: string;
  @ApiProperty({ type: String, description: 'The token subject of who froze it' }) frozenBy: string;
  @ApiProperty({ type: 'integer', description: 'Companies behind companiesSupported (in the downloads)' }) companies: number;
  @ApiProperty({ type: IndicatorsReportDto }) report: IndicatorsReportDto;
}

/** A frozen period in a list (without its report). */
export class FrozenPeriodSummaryDto {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'date' }) from: string;
  @ApiProperty({ type: String, format: 'date' }) to: string;
  @ApiProperty({ type: String, nullable: true }) financier: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) producedAt: string;
  @ApiProperty({ type: String }) frozenBy: string;
  @ApiProperty({ type: 'integer' }) companies: number;
}
