import { IsCalendarDate } from '@globac/contracts';
import { ApiProperty } from '@nestjs/swagger';

export class LeaveRingDto {
  @ApiProperty({ format: 'date', example: '2026-06-30', description: 'The last day of the membership (not before joinedOn)' })
  @IsCalendarDate()
  leftOn: string;
}
