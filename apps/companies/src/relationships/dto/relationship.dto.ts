import { RELATIONSHIP_CAUSES, RELATIONSHIP_STAGES, type RelationshipCause, type RelationshipStage } from '@globac/contracts';
import { ApiProperty } from '@nestjs/swagger';
import type { Partner } from '../../partners/partner.entity';
import type { Relationship, RelationshipStageChange } from '../relationship.entity';

export class RelationshipPartnerDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ example: 'PL' })
  countryCode: string;

  @ApiProperty({ type: String, nullable: true, example: 'poznan' })
  targetRegion: string | null;
}

export class CauseDto {
  @ApiProperty({ enum: RELATIONSHIP_CAUSES })
  kind: RelationshipCause;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  id: string | null;
}

export class StageChangeDto {
  @ApiProperty({ enum: RELATIONSHIP_STAGES, nullable: true, description: 'Null when the relationship was opened' })
  fromStage: RelationshipStage | null;

  @ApiProperty({ enum: RELATIONSHIP_STAGES })
  toStage: RelationshipStage;

  @ApiProperty({ format: 'date-time', description: 'When it happened' })
  changedAt: string;

  @ApiProperty({ type: CauseDto })
  cause: CauseDto;

  @ApiProperty({ format: 'date-time', description: 'When it was recorded' })
  recordedAt: string;

  static from(change: RelationshipStageChange): StageChangeDto {
    return {
      fromStage: change.fromStage,
      toStage: change.toStage,
      changedAt: change.changedAt.toISOString(),
      cause: { kind: change.causeKind, id: change.causeId },
      recordedAt: change.recordedAt.toISOString(),
    };
  }
}

export class RelationshipDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  companyId: string;

  @ApiProperty({ type: RelationshipPartnerDto })
  partner: RelationshipPartnerDto;

  @ApiProperty({ enum: RELATIONSHIP_STAGES })
  stage: RelationshipStage;

  @ApiProperty({ format: 'date-time', description: 'When it reached its current stage' })
  stageChangedAt: string;

  @ApiProperty({ format: 'date-time' })
  openedAt: string;

  static from(relationship: Relationship, partner: Partner): RelationshipDto {
    return {
      id: relationship.id,
      companyId: relationship.companyId,
      partner: { id: partner.id, name: partner.name, countryCode: partner.countryCode, targetRegion: partner.targetRegion },
      stage: relationship.stage,
      stageChangedAt: relationship.stageChangedAt.toISOString(),
      openedAt: relationship.openedAt.toISOString(),
    };
  }
}

export class RelationshipDetailDto extends RelationshipDto {
  @ApiProperty({ type: StageChangeDto, isArray: true, description: 'Every move, oldest first' })
  history: StageChangeDto[];
}
