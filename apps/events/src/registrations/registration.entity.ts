import type { Gender } from '@globac/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const REGISTRATION_STATUSES = ['registered', 'waitlisted', 'cancelled'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/**
 * Who takes part: a contact of the companies service, a person given by name (personal data held only
 * here), or nobody named yet (a ring member company invited to a ring meeting, which names its
 * participant by registering one).
 */
export const PARTICIPANT_KINDS = ['contact', 'person', 'unnamed'] as const;
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];

export const REGISTRATION_SOURCES = ['sign-up', 'ring-invitation'] as const;
export type RegistrationSource = (typeof REGISTRATION_SOURCES)[number];

export const CANCEL_REASONS = ['participant', 'event-cancelled', 'left-ring'] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

const hoursTransformer = {
  to: (value: number | null | undefined) => value,
  // numeric comes back from pg as a string, to keep its precision; hours have two decimals at most.
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** One participant of one company at one programme event. */
@Entity('registration')
export class Registration {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @Column({ name: 'company_id', type: 'uuid' })
  companyId: string;

  @Column({ name: 'participant_kind', type: 'text' })
  participantKind: ParticipantKind;

  @Column({ name: 'contact_id', type: 'uuid', nullable: true })
  contactId: string | null;

  /** Personal data: only for a participant given by name; erased on request. */
  @Column({ type: 'text', nullable: true })
  name: string | null;

  /** Personal data: only for a participant given by name; erased on request. */
  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ type: 'text', default: 'undisclosed' })
  gender: Gender;

  @Column({ type: 'text', default: 'sign-up' })
  source: RegistrationSource;

  @Column('text')
  status: RegistrationStatus;

  /** The place in the waitlist's order, handed out under the event's lock; kept after promotion. */
  @Column({ name: 'waitlist_position', type: 'integer', nullable: true })
  waitlistPosition: number | null;

  @Column({ name: 'registered_at', type: 'timestamptz', default: () => 'now()' })
  registeredAt: Date;

  /** The subject of the token that registered (a staff member or a company user). */
  @Column({ name: 'registered_by', type: 'text' })
  registeredBy: string;

  @Column({ name: 'promoted_at', type: 'timestamptz', nullable: true })
  promotedAt: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ name: 'cancel_reason', type: 'text', nullable: true })
  cancelReason: CancelReason | null;

  /** Null until attendance is taken; then true, or false for a no-show. */
  @Column({ type: 'boolean', nullable: true })
  attended: boolean | null;

  @Column({ type: 'numeric', precision: 4, scale: 2, nullable: true, transformer: hoursTransformer })
  hours: number | null;

  @Column({ name: 'attendance_recorded_at', type: 'timestamptz', nullable: true })
  attendanceRecordedAt: Date | null;

  /** The id of the last ParticipantAttended/AttendanceCorrected event: what the next correction corrects. */
  @Column({ name: 'attendance_event_id', type: 'uuid', nullable: true })
  attendanceEventId: string | null;

  /** Set when the participant's personal data was erased (ContactErased). */
  @Column({ name: 'personal_data_erased_at', type: 'timestamptz', nullable: true })
  personalDataErasedAt: Date | null;
}
