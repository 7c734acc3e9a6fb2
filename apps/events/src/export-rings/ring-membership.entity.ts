import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** One period of one company in one ring, from its first day (joinedOn) to its last (leftOn, null while open). */
@Entity('ring_membership')
export class RingMembership {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'ring_id', type: 'uuid' })
  ringId: string;

  @Column({ name: 'company_id', type: 'uuid' })
  companyId: string;

  /** YYYY-MM-DD (a Postgres date comes back as that string). */
  @Column({ name: 'joined_on', type: 'date' })
  joinedOn: string;

  /** The last day of the membership, YYYY-MM-DD; null while it lasts. */
  @Column({ name: 'left_on', type: 'date', nullable: true })
  leftOn: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
