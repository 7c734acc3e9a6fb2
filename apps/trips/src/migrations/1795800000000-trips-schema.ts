import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The trips service's tables: the copies of the companies service's companies and partners, trips with
 * their accepted-company counter, the companies that applied (one active application per company and
 * trip), their travellers (the only personal data here), and B2B meetings with partners. The checks
 * and unique partial indexes are the rules that must hold whatever the code does.
 */
export class TripsSchema1795800000000 implements MigrationInterface {
  name = 'TripsSchema1795800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE company_copy (
        id              uuid PRIMARY KEY,
        org_number      text,
        name            text NOT NULL,
        municipality    text,
        size_class      text,
        revision        integer NOT NULL,
        -- The revision that last set each field: a CompanyUpdated carries only the fields it changes
        -- and may arrive after a later one, so each field keeps its own latest.
        field_revisions jsonb NOT NULL DEFAULT '{}',
        merged_into     uuid,
        merged_at       timestamptz,
        updated_at      timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX company_copy_merged_into_idx ON company_copy (merged_into) WHERE merged_into IS NOT NULL');

    // Partners of the companies service, as far as its RelationshipStageChanged events name them.
    await runner.query(`
      CREATE TABLE partner_copy (
        id            uuid PRIMARY KEY,
        country_code  text NOT NULL,
        target_region text,
        updated_at    timestamptz NOT NULL DEFAULT now()
      )`);

    await runner.query(`
      CREATE TABLE trip (
        id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title                   text NOT NULL,
        purpose                 text NOT NULL,
        destinations            jsonb NOT NULL,
        starts_on               date NOT NULL,
        ends_on                 date NOT NULL,
        capacity                integer CHECK (capacity IS NULL OR capacity >= 1),
        application_closes_on   date,
        financiers              text[] NOT NULL DEFAULT '{}',
        subsidy_per_company_sek integer NOT NULL DEFAULT 0 CHECK (subsidy_per_company_sek >= 0),
        status                  text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'open', 'closed', 'completed', 'cancelled')),
        accepted_count          integer NOT NULL DEFAULT 0 CHECK (accepted_count >= 0),
        completion              jsonb,
        completion_event_id     uuid,
        completion_revision     integer NOT NULL DEFAULT 0,
        created_by              text NOT NULL,
        created_at              timestamptz NOT NULL DEFAULT now(),
        updated_at              timestamptz NOT NULL DEFAULT now(),
        opened_at               timestamptz,
        closed_at               timestamptz,
        completed_at            timestamptz,
        cancelled_at            timestamptz,
        CONSTRAINT trip_ends_on_or_after_start CHECK (ends_on >= starts_on),
        CONSTRAINT trip_applications_close_by_start CHECK (application_closes_on IS NULL OR application_closes_on <= starts_on),
        -- The last guard of exact capacity: no code path may accept more companies than there are places.
        CONSTRAINT trip_accepted_within_capacity CHECK (capacity IS NULL OR accepted_count <= capacity)
      )`);
    await runner.query('CREATE INDEX trip_starts_on_idx ON trip (starts_on, id)');
    await runner.query('CREATE INDEX trip_status_idx ON trip (status, starts_on)');
    await runner.query('CREATE INDEX trip_financiers_idx ON trip USING gin (financiers)');
    await runner.query('CREATE INDEX trip_destinations_idx ON trip USING gin (destinations jsonb_path_ops)');

    await runner.query(`
      CREATE TABLE trip_participant (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        trip_id      uuid NOT NULL REFERENCES trip (id),
        company_id   uuid NOT NULL,
        status       text NOT NULL CHECK (status IN ('applied', 'accepted', 'declined', 'withdrawn')),
        applied_at   timestamptz NOT NULL DEFAULT now(),
        applied_by   text NOT NULL,
        decided_at   timestamptz,
        decided_by   text,
        withdrawn_at timestamptz
      )`);
    await runner.query('CREATE INDEX trip_participant_trip_idx ON trip_participant (trip_id, applied_at, id)');
    await runner.query('CREATE INDEX trip_participant_company_idx ON trip_participant (company_id)');
    // A company appears once per trip; after withdrawing it may apply again. Violations are 409 ALREADY_APPLIED.
    await runner.query("CREATE UNIQUE INDEX trip_participant_company_once ON trip_participant (trip_id, company_id) WHERE status <> 'withdrawn'");

    await runner.query(`
      CREATE TABLE trip_traveller (
        id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        participant_id          uuid NOT NULL REFERENCES trip_participant (id),
        position                integer NOT NULL,
        contact_id              uuid,
        name                    text,
        email                   text,
        gender                  text NOT NULL DEFAULT 'undisclosed',
        personal_data_erased_at timestamptz
      )`);
    await runner.query('CREATE INDEX trip_traveller_participant_idx ON trip_traveller (participant_id, position)');
    await runner.query('CREATE INDEX trip_traveller_contact_idx ON trip_traveller (contact_id) WHERE contact_id IS NOT NULL');
    await runner.query('CREATE INDEX trip_traveller_email_idx ON trip_traveller (lower(email)) WHERE email IS NOT NULL');

    await runner.query(`
      CREATE TABLE partner_meeting (
        id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        trip_id                uuid NOT NULL REFERENCES trip (id),
        participant_id         uuid NOT NULL REFERENCES trip_participant (id),
        company_id             uuid NOT NULL,
        partner_id             uuid,
        partner_name           text,
        partner_country        text NOT NULL,
        partner_target_region  text,
        held_at                timestamptz NOT NULL,
        place                  text,
        outcome                text CHECK (outcome IN ('no-interest', 'follow-up', 'offer-requested', 'agreement')),
        follow_up_on           date,
        notes                  text,
        outcome_revision       integer NOT NULL DEFAULT 0,
        outcome_recorded_at    timestamptz,
        outcome_recorded_by    text,
        created_by             text NOT NULL,
        created_at             timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT partner_meeting_names_partner CHECK (partner_id IS NOT NULL OR partner_name IS NOT NULL)
      )`);
    await runner.query('CREATE INDEX partner_meeting_trip_idx ON partner_meeting (trip_id, held_at, id)');
    await runner.query('CREATE INDEX partner_meeting_company_idx ON partner_meeting (company_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['partner_meeting', 'trip_traveller', 'trip_participant', 'trip', 'partner_copy', 'company_copy']) {
      await runner.query(`DROP TABLE ${table}`);
    }
  }
}
