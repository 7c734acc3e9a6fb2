import type { Municipality, SizeClass } from '@globac/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * This service's copy of a company of the companies service, kept from its integration events
 * (CompanyRegistered, CompanyUpdated, CompaniesMerged): registrations are checked against it, never
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

  @Column({ name: 'size_class', type: 'text' })
  sizeClass: SizeClass;

  /** The companies service's revision of the record: an update applies only when it is higher. */
  @Column('integer')
  revision: number;

  /** The surviving company when this one was merged into another; always the last survivor of a chain. */
  @Column({ name: 'merged_into', type: 'uuid', nullable: true })
  mergedInto: string | null;

  @Column({ name: 'merged_at', type: 'timestamptz', nullable: true })
  mergedAt: Date | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
