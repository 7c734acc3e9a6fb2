import { IsCalendarDate } from '@globac/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class JoinRingDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  companyId: string;

  @ApiProperty({ format: 'date', example: '2026-01-15', description: 'The first day of the membership' })
  @IsCalendarDate()
  joinedOn: string;
}
