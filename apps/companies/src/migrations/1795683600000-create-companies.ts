import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Companies and where they were. The list of 100,000 companies is filtered, searched and sorted by
 * these indexes; all list indexes are partial on `merged_into_id IS NULL` because lists never show
 * merged duplicates (and the planner uses them because every list query says so).
 */
export class CreateCompanies1795683600000 implements MigrationInterface {
  name = 'CreateCompanies1795683600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Trigram indexes make `name ILIKE '%text%'` and org-number fragments an index search, not a scan.
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await queryRunner.query(`
      CREATE TABLE companies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        org_number varchar(11) NOT NULL,
        name varchar(200) COLLATE "sv-SE-x-icu" NOT NULL,
        municipality varchar(32),
        county varchar(60) NOT NULL,
        sni_code varchar(6),
        employees integer,
        size_class varchar(8),
        website varchar(300),
        description text,
        exporting boolean NOT NULL DEFAULT false,
        latest_export_year smallint,
        merged_into_id uuid REFERENCES companies (id),
        merged_at timestamptz,
        revision integer NOT NULL DEFAULT 1,
        registered_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT companies_org_number_key UNIQUE (org_number),
        CONSTRAINT companies_org_number_form CHECK (org_number ~ '^[0-9]{6}-[0-9]{4}$'),
        CONSTRAINT companies_employees_check CHECK (employees >= 0),
        CONSTRAINT companies_size_class_check CHECK (size_class IN ('micro', 'small', 'medium', 'large')),
        CONSTRAINT companies_seat_check CHECK ((municipality IS NULL) = (county <> 'Västerbotten')),
        CONSTRAINT companies_merge_check CHECK ((merged_into_id IS NULL) = (merged_at IS NULL) AND merged_into_id <> id)
      )`);
    await queryRunner.query('CREATE INDEX companies_name_idx ON companies (name, id) WHERE merged_into_id IS NULL');
    await queryRunner.query('CREATE INDEX companies_registered_at_idx ON companies (registered_at, id) WHERE merged_into_id IS NULL');
    await queryRunner.query('CREATE INDEX companies_org_number_idx ON companies (org_number, id) WHERE merged_into_id IS NULL');
    await queryRunner.query(
      'CREATE INDEX companies_municipality_size_idx ON companies (municipality, size_class, name, id) WHERE merged_into_id IS NULL',
    );
    // Counts of a municipality's exporters: an index-only scan instead of a scan of the county's largest municipality.
    await queryRunner.query('CREATE INDEX companies_municipality_exporting_idx ON companies (municipality, exporting) WHERE merged_into_id IS NULL');
    await queryRunner.query('CREATE INDEX companies_size_class_idx ON companies (size_class, name, id) WHERE merged_into_id IS NULL');
    await queryRunner.query('CREATE INDEX companies_sni_code_idx ON companies (sni_code varchar_pattern_ops) WHERE merged_into_id IS NULL');
    await queryRunner.query('CREATE INDEX companies_exporting_idx ON companies (exporting, name, id) WHERE merged_into_id IS NULL');
    await queryRunner.query('CREATE INDEX companies_name_trgm_idx ON companies USING gin (name gin_trgm_ops)');
    // Org-number search matches digits as typed, with or without the dash.
    await queryRunner.query("CREATE INDEX companies_org_digits_trgm_idx ON companies USING gin ((replace(org_number, '-', '')) gin_trgm_ops)");
    await queryRunner.query('CREATE INDEX companies_merged_into_idx ON companies (merged_into_id) WHERE merged_into_id IS NOT NULL');

    await queryRunner.query(`
      CREATE TABLE company_municipality_periods (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid NOT NULL REFERENCES companies (id),
        municipality varchar(32),
        county varchar(60) NOT NULL,
        valid_from timestamptz NOT NULL,
        valid_to timestamptz,
        CONSTRAINT company_municipality_periods_order CHECK (valid_to IS NULL OR valid_to >= valid_from)
      )`);
    await queryRunner.query('CREATE INDEX company_municipality_periods_company_idx ON company_municipality_periods (company_id, valid_from)');
    // Exactly one current seat per company.
    await queryRunner.query(
      'CREATE UNIQUE INDEX company_municipality_periods_current_key ON company_municipality_periods (company_id) WHERE valid_to IS NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE company_municipality_periods');
    await queryRunner.query('DROP TABLE companies');
  }
}
