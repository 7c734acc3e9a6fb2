import { ApiProperty } from '@nestjs/swagger';
import type { RingMembership } from '../ring-membership.entity';

export class MembershipDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  ringId: string;

  @ApiProperty({ format: 'uuid' })
  companyId: string;

  @ApiProperty({ format: 'date', example: '2026-01-15', description: 'First day' })
  joinedOn: string;

  @ApiProperty({ format: 'date', nullable: true, type: String, description: 'Last day; null while the membership lasts' })
  leftOn: string | null;

  static from(m: RingMembership): MembershipDto {
    return { id: m.id, ringId: m.ringId, companyId: m.companyId, joinedOn: m.joinedOn, leftOn: m.leftOn };
  }
}
