import type { MigrationInterface, QueryRunner } from 'typeorm';

const TARGET_REGIONS: [code: string, name: string, country: string, description: string][] = [
  ['poznan', 'Poznań / Wielkopolska', 'PL', 'Greater Poland: food processing, wood and furniture, logistics; a long-standing partner region.'],
  ['novara', 'Novara / Piemonte', 'IT', 'Piedmont: food and drink (Tutto Food in Milan nearby), machinery and textiles.'],
  ['xian', "Xi'an / Shaanxi", 'CN', 'Shaanxi: higher education, research and industry in western China.'],
  ['maharashtra', 'Maharashtra (Mumbai, Pune)', 'IN', 'Western India: engineering, automotive and IT around Mumbai and Pune.'],
  ['karnataka', 'Karnataka (Bengaluru)', 'IN', 'Southern India: IT, aerospace and biotechnology around Bengaluru.'],
  ['ile-de-france', 'Île-de-France (Paris)', 'FR', 'The Paris region: buyers, distributors and trade fairs.'],
  ['auvergne-rhone-alpes', 'Auvergne-Rhône-Alpes (Lyon)', 'FR', 'South-east France: industry, wood and mountain tourism around Lyon and Grenoble.'],
];

/** Target regions (reference data), foreign partners, relationships with them and their stage history. */
export class CreatePartnersAndRelationships1795683900000 implements MigrationInterface {
  name = 'CreatePartnersAndRelationships1795683900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE target_regions (
        code varchar(64) PRIMARY KEY,
        name varchar(200) NOT NULL,
        country_code varchar(2) NOT NULL,
        description text NOT NULL
      )`);
    for (const [code, name, country, description] of TARGET_REGIONS) {
      await queryRunner.query('INSERT INTO target_regions (code, name, country_code, description) VALUES ($1, $2, $3, $4)', [
        code,
        name,
        country,
        description,
      ]);
    }

    await queryRunner.query(`
      CREATE TABLE partners (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(200) COLLATE "sv-SE-x-icu" NOT NULL,
        country_code varchar(2) NOT NULL,
        region_or_city varchar(200),
        sector varchar(200),
        website varchar(300),
        target_region_code varchar(64) REFERENCES target_regions (code),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One partner per name (in any case) and country: a second registration is a duplicate.
    await queryRunner.query('CREATE UNIQUE INDEX partners_name_country_key ON partners (lower(name), country_code)');
    await queryRunner.query('CREATE INDEX partners_name_idx ON partners (name, id)');
    await queryRunner.query('CREATE INDEX partners_country_idx ON partners (country_code, name)');
    await queryRunner.query('CREATE INDEX partners_target_region_idx ON partners (target_region_code) WHERE target_region_code IS NOT NULL');

    await queryRunner.query(`
      CREATE TABLE relationships (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid NOT NULL REFERENCES companies (id),
        partner_id uuid NOT NULL REFERENCES partners (id),
        stage varchar(16) NOT NULL,
        stage_changed_at timestamptz NOT NULL,
        opened_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT relationships_stage_check CHECK (stage IN ('lead', 'contacted', 'meeting', 'negotiation', 'agreement', 'long-term', 'ended'))
      )`);
    // At most one relationship a company has open with a partner; an ended one can be taken up again.
    await queryRunner.query("CREATE UNIQUE INDEX relationships_open_key ON relationships (company_id, partner_id) WHERE stage <> 'ended'");
    await queryRunner.query('CREATE INDEX relationships_company_idx ON relationships (company_id, stage_changed_at DESC)');
    await queryRunner.query('CREATE INDEX relationships_partner_idx ON relationships (partner_id)');

    await queryRunner.query(`
      CREATE TABLE relationship_stage_changes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        relationship_id uuid NOT NULL REFERENCES relationships (id),
        from_stage varchar(16),
        to_stage varchar(16) NOT NULL,
        changed_at timestamptz NOT NULL,
        cause_kind varchar(32) NOT NULL,
        cause_id uuid,
        recorded_at timestamptz NOT NULL,
        recorded_by varchar(200) NOT NULL,
        CONSTRAINT relationship_stage_changes_cause_check CHECK (cause_kind IN ('manual', 'partner-meeting', 'event', 'merge'))
      )`);
    await queryRunner.query('CREATE INDEX relationship_stage_changes_relationship_idx ON relationship_stage_changes (relationship_id, changed_at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE relationship_stage_changes');
    await queryRunner.query('DROP TABLE relationships');
    await queryRunner.query('DROP TABLE partners');
    await queryRunner.query('DROP TABLE target_regions');
  }
}
