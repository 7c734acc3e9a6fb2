import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The log of company merges (the merged company itself stays, marked, in `companies`). */
export class CreateCompanyMerges1795684000000 implements MigrationInterface {
  name = 'CreateCompanyMerges1795684000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE company_merges (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        surviving_company_id uuid NOT NULL REFERENCES companies (id),
        merged_company_id uuid NOT NULL UNIQUE REFERENCES companies (id),
        merged_at timestamptz NOT NULL,
        merged_by varchar(200) NOT NULL,
        outcome jsonb NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX company_merges_surviving_idx ON company_merges (surviving_company_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE company_merges');
  }
}
