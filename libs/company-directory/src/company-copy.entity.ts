import type { Municipality, SizeClass } from '@globac/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The fields of a company this service copies. */
export const COPIED_FIELDS = ['orgNumber', 'name', 'municipality', 'sizeClass'] as const;
export type CopiedField = (typeof COPIED_FIELDS)[number];

/**
 * This service's copy of a company of the companies service, kept from its integration events
 * (CompanyRegistered, CompanyUpdated, CompaniesMerged): registrations and trip applications are checked against it, never
 * by asking the companies service at request time.
 */
@Entity('company_copy')
export class CompanyCopy {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'org_number', type: 'text', nullable: true })
  orgNumber: string | null;

  @Column('text')
  name: string;

  @Column({ type: 'text', nullable: true })
  municipality: Municipality | null;

  /** Null while the companies service does not know the headcount. */
  @Column({ name: 'size_class', type: 'text', nullable: true })
  sizeClass: SizeClass | null;

  /** The highest revision of the record seen (CompanyRegistered is 1, each CompanyUpdated +1). */
  @Column('integer')
  revision: number;

  /** The revision that last set each field; a field absent here was set by CompanyRegistered (revision 1). */
  @Column({ name: 'field_revisions', type: 'jsonb', default: () => "'{}'" })
  fieldRevisions: Partial<Record<CopiedField, number>>;

  /** The surviving company when this one was merged into another; always the last survivor of a chain. */
  @Column({ name: 'merged_into', type: 'uuid', nullable: true })
  mergedInto: string | null;

  @Column({ name: 'merged_at', type: 'timestamptz', nullable: true })
  mergedAt: Date | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
