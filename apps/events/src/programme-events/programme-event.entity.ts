import type { EventKind, EventTopic, Financier } from '@globac/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const PROGRAMME_EVENT_STATUSES = ['scheduled', 'cancelled'] as const;
export type ProgrammeEventStatus = (typeof PROGRAMME_EVENT_STATUSES)[number];

/**
 * A programme event: a seminar, competence meeting, country briefing, trade fair or meeting of an export
 * ring or circle. Called ProgrammeEvent in code to keep it apart from integration events.
 *
 * The seat counters are kept on this row and changed only while holding its row lock, which is what
 * serializes registrations per event across every replica.
 */
@Entity('programme_event')
export class ProgrammeEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  kind: EventKind;

  @Column('text')
  title: string;

  @Column('text')
  topic: EventTopic;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  @Column('text')
  city: string;

  /** ISO 3166-1 alpha-2. */
  @Column('text')
  country: string;

  @Column({ name: 'target_country', type: 'text', nullable: true })
  targetCountry: string | null;

  /** Seats; null for no limit. */
  @Column({ type: 'integer', nullable: true })
  capacity: number | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  financiers: Financier[];

  @Column({ name: 'registration_closes_at', type: 'timestamptz', nullable: true })
  registrationClosesAt: Date | null;

  /** The export ring or circle this is a meeting of. */
  @Column({ name: 'ring_id', type: 'uuid', nullable: true })
  ringId: string | null;

  @Column({ type: 'text', default: 'scheduled' })
  status: ProgrammeEventStatus;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ name: 'registered_count', type: 'integer', default: 0 })
  registeredCount: number;

  @Column({ name: 'waitlisted_count', type: 'integer', default: 0 })
  waitlistedCount: number;

  /** The last waitlist position handed out: positions only grow, so the waitlist keeps its order. */
  @Column({ name: 'waitlist_seq', type: 'integer', default: 0 })
  waitlistSeq: number;

  /** 1 when scheduled, +1 with each update (the revision of EventScheduled/EventUpdated). */
  @Column({ type: 'integer', default: 1 })
  revision: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
