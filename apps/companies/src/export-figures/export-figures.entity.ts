import { Column, Entity, PrimaryGeneratedColumn, type ValueTransformer } from 'typeorm';

/** SEK amounts are bigint in Postgres (a turnover can pass 2^31) and whole numbers well within 2^53 here. */
export const bigintToNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** What a report of one company's year says; the current row and every revision hold the same. */
abstract class ReportedExportFigures {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'company_id', type: 'uuid' })
  companyId: string;

  @Column({ type: 'smallint' })
  year: number;

  @Column({ name: 'total_turnover_sek', type: 'bigint', transformer: bigintToNumber })
  totalTurnoverSek: number;

  @Column({ name: 'export_turnover_sek', type: 'bigint', transformer: bigintToNumber })
  exportTurnoverSek: number;

  /** ISO 3166-1 alpha-2 codes, sorted. */
  @Column({ name: 'export_markets', type: 'varchar', length: 2, array: true })
  exportMarkets: string[];

  /** 1 for the first report of the year, +1 for each correction. */
  @Column({ type: 'integer' })
  revision: number;

  @Column({ name: 'reported_at', type: 'timestamptz' })
  reportedAt: Date;

  /** Token subject of whoever reported this revision. */
  @Column({ name: 'reported_by', type: 'varchar', length: 200 })
  reportedBy: string;
}

/** A company's figures for one year as they stand now: the latest revision. */
@Entity('export_figures')
export class ExportFigures extends ReportedExportFigures {}

/** Every revision ever reported for a company and year, the current one included: corrections never overwrite. */
@Entity('export_figure_revisions')
export class ExportFiguresRevision extends ReportedExportFigures {}
