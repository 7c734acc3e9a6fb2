import { ApiProperty } from '@nestjs/swagger';
import type { Partner } from '../partner.entity';

export class PartnerDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Wielkopolska Food Import Sp. z o.o.' })
  name: string;

  @ApiProperty({ example: 'PL' })
  countryCode: string;

  @ApiProperty({ type: String, nullable: true, example: 'Poznań' })
  regionOrCity: string | null;

  @ApiProperty({ type: String, nullable: true })
  sector: string | null;

  @ApiProperty({ type: String, nullable: true })
  website: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'poznan', description: 'Target region code' })
  targetRegion: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  static from(partner: Partner): PartnerDto {
    return {
      id: partner.id,
      name: partner.name,
      countryCode: partner.countryCode,
      regionOrCity: partner.regionOrCity,
      sector: partner.sector,
      website: partner.website,
      targetRegion: partner.targetRegion,
      createdAt: partner.createdAt.toISOString(),
    };
  }
}
