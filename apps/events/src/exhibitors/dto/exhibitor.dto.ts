import { ApiProperty } from '@nestjs/swagger';
import type { Exhibitor } from '../exhibitor.entity';

export class ExhibitorDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  eventId: string;

  @ApiProperty({ format: 'uuid' })
  companyId: string;

  @ApiProperty({ example: ['Västerbottensost'] })
  products: string[];

  @ApiProperty({ nullable: true, type: String, example: 'Hall 4, B12' })
  stand: string | null;

  @ApiProperty({ format: 'date-time' })
  addedAt: string;

  static from(e: Exhibitor): ExhibitorDto {
    return { id: e.id, eventId: e.eventId, companyId: e.companyId, products: e.products, stand: e.stand, addedAt: e.addedAt.toISOString() };
  }
}
