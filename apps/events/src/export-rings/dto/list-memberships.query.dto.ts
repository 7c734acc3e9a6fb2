import { IsCalendarDate } from '@globac/contracts';
import { PageQueryDto } from '@globac/http';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

export class ListMembershipsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'date', description: 'Only memberships that include this day' })
  @IsOptional()
  @IsCalendarDate()
  activeOn?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Memberships of this company' })
  @IsOptional()
  @IsUUID()
  companyId?: string;
}
