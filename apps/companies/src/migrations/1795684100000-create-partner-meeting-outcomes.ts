import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What each partner meeting on a trip (PartnerMeetingHeld) did to a relationship, so that a changed
 * outcome of the same meeting (a higher revision) is applied as a correction of that move, and a lower
 * revision arriving late is recognised as stale.
 */
export class CreatePartnerMeetingOutcomes1795684100000 implements MigrationInterface {
  name = 'CreatePartnerMeetingOutcomes1795684100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE partner_meeting_outcomes (
        meeting_id uuid PRIMARY KEY,
        revision integer NOT NULL CHECK (revision >= 1),
        relationship_id uuid REFERENCES relationships (id),
        -- The relationship's stage before the meeting moved it; null when the meeting opened it.
        stage_before varchar(16),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE partner_meeting_outcomes');
  }
}
