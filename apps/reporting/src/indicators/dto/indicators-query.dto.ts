import { EVENT_KINDS, IsCalendarDate, MUNICIPALITIES } from '@globac/contracts';
import { PageQueryDto } from '@globac/http';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';

export const ACTIVITY_KINDS = [...EVENT_KINDS, 'trip'] as const;
export const MUNICIPALITY_KEYS = [...MUNICIPALITIES, 'outside-county'] as const;
export const REPORT_FORMATS = ['csv', 'xlsx', 'pdf'] as const;

/** The period and filters of every indicators route. */
export class IndicatorsQueryDto {
  @ApiProperty({ type: String, format: 'date', example: '2026-01-01', description: 'First day of the period (Swedish time), included' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ type: String, format: 'date', example: '2026-12-31', description: 'Last day of the period (Swedish time), included' })
  @IsCalendarDate()
  to: string;

  @ApiPropertyOptional({ type: String, example: 'eu', description: 'Only activities reported to this financier (its code)' })
  @IsOptional()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'must be a financier code like eu or region-vasterbotten' })
  financier?: string;

  @ApiPropertyOptional({ type: String, enum: MUNICIPALITY_KEYS, description: 'Only activities of companies in this municipality on the activity\'s day' })
  @IsOptional()
  @IsIn(MUNICIPALITY_KEYS, { message: `must be one of ${MUNICIPALITY_KEYS.join(', ')}` })
  municipality?: string;

  @ApiPropertyOptional({ type: String, enum: ACTIVITY_KINDS, description: 'Only this kind of activity: an event kind, or trip' })
  @IsOptional()
  @IsIn(ACTIVITY_KINDS, { message: `must be one of ${ACTIVITY_KINDS.join(', ')}` })
  activityKind?: string;

  @ApiPropertyOptional({ type: String, enum: REPORT_FORMATS, description: 'Download the report as a file instead of JSON' })
  @IsOptional()
  @IsIn(REPORT_FORMATS, { message: `must be one of ${REPORT_FORMATS.join(', ')}` })
  format?: (typeof REPORT_FORMATS)[number];
}

/** The same, paged, for the companies behind companiesSupported. */
export class SupportedCompaniesQueryDto extends PageQueryDto {
  @ApiProperty({ type: String, format: 'date', example: '2026-01-01', description: 'First day of the period (Swedish time), included' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ type: String, format: 'date', example: '2026-12-31', description: 'Last day of the period (Swedish time), included' })
  @IsCalendarDate()
  to: string;

  @ApiPropertyOptional({ type: String, example: 'eu', description: 'Only activities reported to this financier (its code)' })
  @IsOptional()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'must be a financier code like eu or region-vasterbotten' })
  financier?: string;

  @ApiPropertyOptional({ type: String, enum: MUNICIPALITY_KEYS, description: 'Only companies in this municipality on their activity\'s day' })
  @IsOptional()
  @IsIn(MUNICIPALITY_KEYS, { message: `must be one of ${MUNICIPALITY_KEYS.join(', ')}` })
  municipality?: string;

  @ApiPropertyOptional({ type: String, enum: ACTIVITY_KINDS, description: 'Only this kind of activity: an event kind, or trip' })
  @IsOptional()
  @IsIn(ACTIVITY_KINDS, { message: `must be one of ${ACTIVITY_KINDS.join(', ')}` })
  activityKind?: string;

  @ApiPropertyOptional({ type: String, enum: REPORT_FORMATS, description: 'Download the whole list as a file (paging is ignored)' })
  @IsOptional()
  @IsIn(REPORT_FORMATS, { message: `must be one of ${REPORT_FORMATS.join(', ')}` })
  format?: (typeof REPORT_FORMATS)[number];
}
