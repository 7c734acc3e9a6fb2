import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The record of a merge: which company went into which, when, by whom, and what moved. */
@Entity('company_merges')
export class CompanyMerge {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'surviving_company_id', type: 'uuid' })
  survivingCompanyId: string;

  @Column({ name: 'merged_company_id', type: 'uuid' })
  mergedCompanyId: string;

  @Column({ name: 'merged_at', type: 'timestamptz' })
  mergedAt: Date;

  /** Token subject of the staff member who merged them. */
  @Column({ name: 'merged_by', type: 'varchar', length: 200 })
  mergedBy: string;

  /** Counts and ids of what moved (MergeOutcome), for traceability. */
  @Column({ type: 'jsonb' })
  outcome: object;
}
