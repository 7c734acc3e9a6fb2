import { RING_KINDS, type RingKind } from '@globac/contracts';
import { ApiProperty } from '@nestjs/swagger';
import type { ExportRing } from '../export-ring.entity';

export class ExportRingDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: RING_KINDS })
  kind: RingKind;

  @ApiProperty({ example: 'Exportring Skellefteå 2026' })
  name: string;

  @ApiProperty({ example: 'Skellefteå' })
  city: string;

  @ApiProperty({ example: 'Maria Nilsson' })
  facilitator: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  static from(ring: ExportRing): ExportRingDto {
    return {
      id: ring.id,
      kind: ring.kind,
      name: ring.name,
      city: ring.city,
      facilitator: ring.facilitator,
      createdAt: ring.createdAt.toISOString(),
      updatedAt: ring.updatedAt.toISOString(),
    };
  }
}
