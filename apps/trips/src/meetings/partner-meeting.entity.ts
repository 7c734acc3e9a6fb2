import type { MeetingOutcome } from '@globac/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A B2B meeting of a travelling company with a partner abroad, and what came of it. */
@Entity('partner_meeting')
export class PartnerMeeting {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'trip_id', type: 'uuid' })
  tripId: string;

  @Column({ name: 'participant_id', type: 'uuid' })
  participantId: string;

  @Column({ name: 'company_id', type: 'uuid' })
  companyId: string;

  /** The companies service's partner; null while a partner given by name has not been registered there. */
  @Column({ name: 'partner_id', type: 'uuid', nullable: true })
  partnerId: string | null;

  /** The organisation's name when it was given by name (never a person). */
  @Column({ name: 'partner_name', type: 'text', nullable: true })
  partnerName: string | null;

  @Column({ name: 'partner_country', type: 'text' })
  partnerCountry: string;

  @Column({ name: 'partner_target_region', type: 'text', nullable: true })
  partnerTargetRegion: string | null;

  @Column({ name: 'held_at', type: 'timestamptz' })
  heldAt: Date;

  @Column({ type: 'text', nullable: true })
  place: string | null;

  @Column({ type: 'text', nullable: true })
  outcome: MeetingOutcome | null;

  @Column({ name: 'follow_up_on', type: 'date', nullable: true })
  followUpOn: string | null;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  /** 0 until an outcome is recorded; +1 with each change (PartnerMeetingHeld.revision). */
  @Column({ name: 'outcome_revision', type: 'integer', default: 0 })
  outcomeRevision: number;

  @Column({ name: 'outcome_recorded_at', type: 'timestamptz', nullable: true })
  outcomeRecordedAt: Date | null;

  @Column({ name: 'outcome_recorded_by', type: 'text', nullable: true })
  outcomeRecordedBy: string | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
