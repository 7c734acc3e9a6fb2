import type { Financier } from '@globac/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const TRIP_STATUSES = ['planned', 'open', 'closed', 'completed', 'cancelled'] as const;
export type TripStatus = (typeof TRIP_STATUSES)[number];

/** One place a trip goes to: a country, and optionally a target region and a city in it. */
export interface Destination {
  country: string;
  targetRegion: string | null;
  city: string | null;
}

/** One company that travelled, as recorded at completion (or corrected since). */
export interface TravelledCompany {
  companyId: string;
  daysAbroad: number;
  subsidySek: number;
}

/**
 * A business trip or delegation abroad. The accepted-company counter is kept on this row and changed
 * only while holding its row lock, which serializes acceptances per trip across every replica.
 */
@Entity('trip')
export class Trip {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  title: string;

  @Column('text')
  purpose: string;

  @Column('jsonb')
  destinations: Destination[];

  /** First day abroad, YYYY-MM-DD. */
  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  /** Last day abroad, YYYY-MM-DD. */
  @Column({ name: 'ends_on', type: 'date' })
  endsOn: string;

  /** Places for companies; null for no limit. */
  @Column({ type: 'integer', nullable: true })
  capacity: number | null;

  /** The last day applications are taken (Swedish day); null: until the day before the trip starts. */
  @Column({ name: 'application_closes_on', type: 'date', nullable: true })
  applicationClosesOn: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  financiers: Financier[];

  @Column({ name: 'subsidy_per_company_sek', type: 'integer', default: 0 })
  subsidyPerCompanySek: number;

  @Column({ type: 'text', default: 'planned' })
  status: TripStatus;

  @Column({ name: 'accepted_count', type: 'integer', default: 0 })
  acceptedCount: number;

  /** Who travelled, from completion on (replaced whole by each correction). */
  @Column({ type: 'jsonb', nullable: true })
  completion: TravelledCompany[] | null;

  /** The TripCompleted or latest TripCompletionCorrected event: what the next correction corrects. */
  @Column({ name: 'completion_event_id', type: 'uuid', nullable: true })
  completionEventId: string | null;

  /** 0 before completion, 1 at completion, +1 for each correction. */
  @Column({ name: 'completion_revision', type: 'integer', default: 0 })
  completionRevision: number;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'opened_at', type: 'timestamptz', nullable: true })
  openedAt: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;
}
