import { type Gender, GENDERS } from '@globac/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

// The programme's one list, so that a contact's gender and a participant's count alike in reports.
export const CONTACT_GENDERS = GENDERS;
export type ContactGender = Gender;

/**
 * A person at a company: personal data (GDPR). It lives in this table only: no other table, log or
 * integration event of this service holds a contact's name, e-mail or phone, so that erasing the row
 * erases the person (see ContactsService.erase).
 */
@Entity('contacts')
export class Contact {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'company_id', type: 'uuid' })
  companyId: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  phone: string | null;

  /** The person's role at the company, e.g. CEO or export manager. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  role: string | null;

  @Column({ type: 'varchar', length: 16, default: 'undisclosed' })
  gender: ContactGender;

  /** Whether the person agreed to be contacted by the programme (invitations, follow-ups). */
  @Column({ name: 'consent_to_contact', type: 'boolean', default: false })
  consentToContact: boolean;

  /** When consent was last given or withdrawn; null if it never was. */
  @Column({ name: 'consent_changed_at', type: 'timestamptz', nullable: true })
  consentChangedAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
