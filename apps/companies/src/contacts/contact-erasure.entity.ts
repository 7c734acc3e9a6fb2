import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The record that a contact was erased (GDPR art. 17): which id, when and on whose request, without
 * anything about the person. It answers an auditor's "was this request carried out?".
 */
@Entity('contact_erasures')
export class ContactErasure {
  @PrimaryColumn({ name: 'contact_id', type: 'uuid' })
  contactId: string;

  @Column({ name: 'company_id', type: 'uuid' })
  companyId: string;

  @Column({ name: 'erased_at', type: 'timestamptz' })
  erasedAt: Date;

  /** The token subject of the user who erased it (a staff member or the company's representative). */
  @Column({ name: 'erased_by', type: 'varchar', length: 200 })
  erasedBy: string;
}
