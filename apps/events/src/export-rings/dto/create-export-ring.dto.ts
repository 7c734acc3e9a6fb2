import { RING_KINDS, type RingKind } from '@globac/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { trim } from '../../request-fields';

export class CreateExportRingDto {
  @ApiPropertyOptional({ enum: RING_KINDS, default: 'export-ring' })
  @IsOptional()
  @IsIn(RING_KINDS, { message: `$property must be one of ${RING_KINDS.join(', ')}` })
  kind?: RingKind;

  @ApiProperty({ example: 'Exportring Skellefteå 2026', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ example: 'Skellefteå', maxLength: 100 })
  @Transform(trim)
  @IsString()
  @Length(1, 100)
  city: string;

  @ApiProperty({ example: 'Maria Nilsson', maxLength: 200, description: 'Who leads the meetings' })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  facilitator: string;
}
