import type { Municipality } from '@globac/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Where a company was during [validFrom, validTo): written when it is registered and on every move,
 * in the same transaction, so that a report can count a company where it was at the reported date.
 * The open period (validTo null) is the company's current seat; there is exactly one.
 */
@Entity('company_municipality_periods')
export class CompanyMunicipalityPeriod {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'company_id', type: 'uuid' })
  companyId: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  municipality: Municipality | null;

  @Column({ type: 'varchar', length: 60 })
  county: string;

  @Column({ name: 'valid_from', type: 'timestamptz' })
  validFrom: Date;

  @Column({ name: 'valid_to', type: 'timestamptz', nullable: true })
  validTo: Date | null;
}
