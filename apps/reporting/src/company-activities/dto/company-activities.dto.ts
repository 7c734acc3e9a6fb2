import { IsCalendarDate } from '@globac/contracts';
import { PageQueryDto } from '@globac/http';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { ACTIVITY_KINDS } from '../../indicators/dto/indicators-query.dto';

export class CompanyActivitiesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: String, format: 'date', description: 'Activities on or after this day (Swedish time)' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ type: String, format: 'date', description: 'Activities on or before this day (Swedish time)' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

/** One activity of a company: a participation in a programme event, or a place on a completed trip. */
export class CompanyActivityDto {
  @ApiProperty({ type: String, enum: ['event', 'trip'] }) source: 'event' | 'trip';
  @ApiProperty({ type: String, enum: ACTIVITY_KINDS, description: 'The event kind, or trip', example: 'seminar' }) kind: string;
  @ApiProperty({ type: String, format: 'uuid', description: 'The programme event or the trip' }) activityId: string;
  @ApiProperty({ type: String, nullable: true, description: 'Null while the event\'s or trip\'s details have not arrived' }) title: string | null;
  @ApiProperty({ type: String, format: 'date', description: 'The event\'s day, or the trip\'s first day' }) day: string;
  @ApiProperty({ type: Boolean, description: 'False for a no-show (or attendance corrected to absent)' }) attended: boolean;
  @ApiProperty({ type: Number, nullable: true, description: 'Hours credited (events only)' }) hours: number | null;
  @ApiProperty({ type: Boolean, description: 'The event or trip was cancelled' }) cancelled: boolean;
  @ApiProperty({ type: Boolean, description: 'Whether it counts in the indicators (attended, not cancelled)' }) counted: boolean;
  @ApiProperty({ type: String, isArray: true, description: 'The codes of the financiers it is reported to', example: ['eu'] }) financiers: string[];
  @ApiProperty({ type: String, format: 'uuid', description: 'The company it was recorded for (a merged duplicate\'s id for its history)' })
  recordedFor: string;
}
