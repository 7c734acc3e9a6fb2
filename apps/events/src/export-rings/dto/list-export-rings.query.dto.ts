import { RING_KINDS, type RingKind } from '@globac/contracts';
import { PageQueryDto } from '@globac/http';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';

export class ListExportRingsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: RING_KINDS, description: 'Export rings or export circles' })
  @IsOptional()
  @IsIn(RING_KINDS, { message: `$property must be one of ${RING_KINDS.join(', ')}` })
  kind?: RingKind;

  @ApiPropertyOptional({ example: 'Umeå', description: 'Rings meeting in this city' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  city?: string;
}
