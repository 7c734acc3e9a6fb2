import type { Gender } from '@globac/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A person travelling for a participating company: a contact of the companies service, or someone
 * given by name whose name and address only this service holds (erased on request).
 */
@Entity('trip_traveller')
export class Traveller {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'participant_id', type: 'uuid' })
  participantId: string;

  /** Order as given in the application. */
  @Column('integer')
  position: number;

  @Column({ name: 'contact_id', type: 'uuid', nullable: true })
  contactId: string | null;

  @Column({ type: 'text', nullable: true })
  name: string | null;

  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ type: 'text', default: 'undisclosed' })
  gender: Gender;

  @Column({ name: 'personal_data_erased_at', type: 'timestamptz', nullable: true })
  personalDataErasedAt: Date | null;
}
