import type { Municipality, SizeClass } from '@globac/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A company in the programme. Merged duplicates stay (for traceability, and so that their ids still
 * answer with a pointer to the survivor) but leave every list. Indexes: see the CreateCompanies migration.
 */
@Entity('companies')
export class Company {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** `NNNNNN-NNNN`, unique among all companies, merged ones included. */
  @Column({ name: 'org_number', type: 'varchar', length: 11 })
  orgNumber: string;

  /** Sorted by Swedish rules (Å, Ä, Ö after Z): the column has the sv-SE ICU collation. */
  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** One of Västerbotten's municipalities; null outside the county (then `county` says where). */
  @Column({ type: 'varchar', length: 32, nullable: true })
  municipality: Municipality | null;

  @Column({ type: 'varchar', length: 60 })
  county: string;

  @Column({ name: 'sni_code', type: 'varchar', length: 6, nullable: true })
  sniCode: string | null;

  @Column({ type: 'integer', nullable: true })
  employees: number | null;

  /** Derived from `employees` on every write (EU SME classes), stored so that lists can filter on it. */
  @Column({ name: 'size_class', type: 'varchar', length: 8, nullable: true })
  sizeClass: SizeClass | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  website: string | null;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  /**
   * Export turnover above zero in the latest year the company reported figures for; maintained with
   * `latestExportYear` on every export-figure write, so that the list filter needs no join.
   */
  @Column({ type: 'boolean', default: false })
  exporting: boolean;

  @Column({ name: 'latest_export_year', type: 'smallint', nullable: true })
  latestExportYear: number | null;

  @Column({ name: 'merged_into_id', type: 'uuid', nullable: true })
  mergedIntoId: string | null;

  @Column({ name: 'merged_at', type: 'timestamptz', nullable: true })
  mergedAt: Date | null;

  /** 1 when registered, +1 for every change published as CompanyUpdated. */
  @Column({ type: 'integer', default: 1 })
  revision: number;

  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
