import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const PARTICIPANT_STATUSES = ['applied', 'accepted', 'declined', 'withdrawn'] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];

/** One company on one trip: its application, staff's decision on it, and a withdrawal. */
@Entity('trip_participant')
export class Participant {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'trip_id', type: 'uuid' })
  tripId: string;

  @Column({ name: 'company_id', type: 'uuid' })
  companyId: string;

  @Column('text')
  status: ParticipantStatus;

  @Column({ name: 'applied_at', type: 'timestamptz' })
  appliedAt: Date;

  /** The token subject of who applied (a staff member or a company user). */
  @Column({ name: 'applied_by', type: 'text' })
  appliedBy: string;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decided_by', type: 'text', nullable: true })
  decidedBy: string | null;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;
}
