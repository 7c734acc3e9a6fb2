import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Export figures per company and year (current revision) and every revision reported. */
export class CreateExportFigures1795683800000 implements MigrationInterface {
  name = 'CreateExportFigures1795683800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const figures = `
        total_turnover_sek bigint NOT NULL CHECK (total_turnover_sek >= 0),
        export_turnover_sek bigint NOT NULL CHECK (export_turnover_sek >= 0),
        export_markets varchar(2)[] NOT NULL DEFAULT '{}',
        reported_at timestamptz NOT NULL,
        reported_by varchar(200) NOT NULL,
        CHECK (export_turnover_sek <= total_turnover_sek)`;
    await queryRunner.query(`
      CREATE TABLE export_figures (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid NOT NULL REFERENCES companies (id),
        year smallint NOT NULL CHECK (year >= 2000),
        revision integer NOT NULL CHECK (revision >= 1),
        ${figures},
        CONSTRAINT export_figures_company_year_key UNIQUE (company_id, year)
      )`);
    await queryRunner.query(`
      CREATE TABLE export_figure_revisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid NOT NULL REFERENCES companies (id),
        year smallint NOT NULL CHECK (year >= 2000),
        revision integer NOT NULL CHECK (revision >= 1),
        ${figures},
        CONSTRAINT export_figure_revisions_key UNIQUE (company_id, year, revision)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE export_figure_revisions');
    await queryRunner.query('DROP TABLE export_figures');
  }
}
