import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Contacts (people: the only personal data of this service) and the log of erasures, which holds none. */
export class CreateContacts1795683700000 implements MigrationInterface {
  name = 'CreateContacts1795683700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE contacts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid NOT NULL REFERENCES companies (id),
        name varchar(200) COLLATE "sv-SE-x-icu" NOT NULL,
        email varchar(254),
        phone varchar(40),
        role varchar(100),
        gender varchar(16) NOT NULL DEFAULT 'undisclosed',
        consent_to_contact boolean NOT NULL DEFAULT false,
        consent_changed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT contacts_gender_check CHECK (gender IN ('woman', 'man', 'non-binary', 'undisclosed'))
      )`);
    await queryRunner.query('CREATE INDEX contacts_company_name_idx ON contacts (company_id, name, id)');
    await queryRunner.query('CREATE INDEX contacts_name_idx ON contacts (name, id)');
    await queryRunner.query(`
      CREATE TABLE contact_erasures (
        contact_id uuid PRIMARY KEY,
        company_id uuid NOT NULL,
        erased_at timestamptz NOT NULL,
        erased_by varchar(200) NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE contact_erasures');
    await queryRunner.query('DROP TABLE contacts');
  }
}
