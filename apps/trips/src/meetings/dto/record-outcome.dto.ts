import { IsCalendarDate, MEETING_OUTCOMES, type MeetingOutcome } from '@globac/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { trim } from '../../request-fields';

export class RecordOutcomeDto {
  @ApiProperty({ type: String, enum: MEETING_OUTCOMES, example: 'agreement' })
  @IsIn(MEETING_OUTCOMES, { message: `$property must be one of ${MEETING_OUTCOMES.join(', ')}` })
  outcome: MeetingOutcome;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, description: 'The agreed follow-up day' })
  @IsOptional()
  @IsCalendarDate()
  followUpOn?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 4000, description: 'Staff notes; kept here, never published' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(0, 4000)
  notes?: string | null;
}
