import { PageQueryDto } from '@globac/http';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

export class ListMeetingsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: String, format: 'uuid', description: "This company's meetings (a company user: their own)" })
  @IsOptional()
  @IsUUID()
  companyId?: string;
}
