import type { RelationshipCause, RelationshipStage } from '@globac/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A county company's business relationship with a partner abroad, at one stage at a time. */
@Entity('relationships')
export class Relationship {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'company_id', type: 'uuid' })
  companyId: string;

  @Column({ name: 'partner_id', type: 'uuid' })
  partnerId: string;

  @Column({ type: 'varchar', length: 16 })
  stage: RelationshipStage;

  /** When it reached its current stage (as reported, which may be before it was recorded). */
  @Column({ name: 'stage_changed_at', type: 'timestamptz' })
  stageChangedAt: Date;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** One move of a relationship, from the stage it was at (null when it was opened) to the next, and what moved it. */
@Entity('relationship_stage_changes')
export class RelationshipStageChange {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'relationship_id', type: 'uuid' })
  relationshipId: string;

  @Column({ name: 'from_stage', type: 'varchar', length: 16, nullable: true })
  fromStage: RelationshipStage | null;

  @Column({ name: 'to_stage', type: 'varchar', length: 16 })
  toStage: RelationshipStage;

  @Column({ name: 'changed_at', type: 'timestamptz' })
  changedAt: Date;

  @Column({ name: 'cause_kind', type: 'varchar', length: 32 })
  causeKind: RelationshipCause;

  /** The partner meeting's id (trips), the programme event's id (events), or the surviving company's id (merge). */
  @Column({ name: 'cause_id', type: 'uuid', nullable: true })
  causeId: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  /** Token subject of whoever recorded it. */
  @Column({ name: 'recorded_by', type: 'varchar', length: 200 })
  recordedBy: string;
}
