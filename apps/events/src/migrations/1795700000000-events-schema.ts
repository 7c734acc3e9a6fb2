import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The events service's tables: the company copy, export rings and their memberships, programme events
 * with their seat counters, registrations, exhibitors. The unique partial indexes are the rules that
 * must hold whatever the code does: one active registration per person and event, one open invitation
 * per ring member and meeting, one waitlist position per event.
 */
export class EventsSchema1795700000000 implements MigrationInterface {
  name = 'EventsSchema1795700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE company_copy (
        id           uuid PRIMARY KEY,
        org_number   text,
        name         text NOT NULL,
        municipality text,
        size_class   text,
        revision     integer NOT NULL,
        -- The revision that last set each field: a CompanyUpdated carries only the fields it changes
        -- and may arrive after a later one, so each field keeps its own latest.
        field_revisions jsonb NOT NULL DEFAULT '{}',
        merged_into  uuid,
        merged_at    timestamptz,
        updated_at   timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX company_copy_merged_into_idx ON company_copy (merged_into) WHERE merged_into IS NOT NULL');

    await runner.query(`
      CREATE TABLE export_ring (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind        text NOT NULL CHECK (kind IN ('export-ring', 'export-circle')),
        name        text NOT NULL,
        city        text NOT NULL,
        facilitator text NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX export_ring_name_idx ON export_ring (name, id)');

    await runner.query(`
      CREATE TABLE ring_membership (
        id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ring_id    uuid NOT NULL REFERENCES export_ring (id),
        company_id uuid NOT NULL,
        joined_on  date NOT NULL,
        left_on    date,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ring_membership_leaves_after_joining CHECK (left_on IS NULL OR left_on >= joined_on)
      )`);
    await runner.query('CREATE INDEX ring_membership_ring_idx ON ring_membership (ring_id, joined_on)');
    await runner.query('CREATE INDEX ring_membership_company_idx ON ring_membership (company_id)');
    // Overlapping periods are refused under the ring's lock; this catches the open ones whatever happens.
    await runner.query('CREATE UNIQUE INDEX ring_membership_open_once ON ring_membership (ring_id, company_id) WHERE left_on IS NULL');

    await runner.query(`
      CREATE TABLE programme_event (
        id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind                   text NOT NULL CHECK (kind IN ('seminar', 'competence-meeting', 'country-briefing', 'trade-fair',
                                                             'export-ring-meeting', 'export-circle-meeting', 'other')),
        title                  text NOT NULL,
        topic                  text NOT NULL,
        starts_at              timestamptz NOT NULL,
        ends_at                timestamptz NOT NULL,
        city                   text NOT NULL,
        country                text NOT NULL,
        target_country         text,
        capacity               integer CHECK (capacity IS NULL OR capacity >= 1),
        financiers             text[] NOT NULL DEFAULT '{}',
        registration_closes_at timestamptz,
        ring_id                uuid REFERENCES export_ring (id),
        status                 text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),
        cancelled_at           timestamptz,
        registered_count       integer NOT NULL DEFAULT 0 CHECK (registered_count >= 0),
        waitlisted_count       integer NOT NULL DEFAULT 0 CHECK (waitlisted_count >= 0),
        waitlist_seq           integer NOT NULL DEFAULT 0,
        revision               integer NOT NULL DEFAULT 1,
        created_at             timestamptz NOT NULL DEFAULT now(),
        updated_at             timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT programme_event_ends_after_start CHECK (ends_at > starts_at),
        CONSTRAINT programme_event_closes_by_start CHECK (registration_closes_at IS NULL OR registration_closes_at <= starts_at),
        -- The last guard of exact seats: no code path may give more seats than there are.
        CONSTRAINT programme_event_seats_within_capacity CHECK (capacity IS NULL OR registered_count <= capacity)
      )`);
    await runner.query('CREATE INDEX programme_event_starts_at_idx ON programme_event (starts_at, id)');
    await runner.query('CREATE INDEX programme_event_kind_idx ON programme_event (kind, starts_at)');
    await runner.query('CREATE INDEX programme_event_ring_idx ON programme_event (ring_id, starts_at) WHERE ring_id IS NOT NULL');
    await runner.query('CREATE INDEX programme_event_financiers_idx ON programme_event USING gin (financiers)');

    await runner.query(`
      CREATE TABLE registration (
        id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id                uuid NOT NULL REFERENCES programme_event (id),
        company_id              uuid NOT NULL,
        participant_kind        text NOT NULL CHECK (participant_kind IN ('contact', 'person', 'unnamed')),
        contact_id              uuid,
        name                    text,
        email                   text,
        gender                  text NOT NULL DEFAULT 'undisclosed',
        source                  text NOT NULL DEFAULT 'sign-up' CHECK (source IN ('sign-up', 'ring-invitation')),
        status                  text NOT NULL CHECK (status IN ('registered', 'waitlisted', 'cancelled')),
        waitlist_position       integer,
        registered_at           timestamptz NOT NULL DEFAULT now(),
        registered_by           text NOT NULL,
        promoted_at             timestamptz,
        cancelled_at            timestamptz,
        cancel_reason           text CHECK (cancel_reason IN ('participant', 'event-cancelled', 'left-ring')),
        attended                boolean,
        hours                   numeric(4, 2) CHECK (hours >= 0 AND hours <= 24),
        attendance_recorded_at  timestamptz,
        attendance_event_id     uuid,
        personal_data_erased_at timestamptz,
        CONSTRAINT registration_waitlisted_has_position CHECK (status <> 'waitlisted' OR waitlist_position IS NOT NULL)
      )`);
    await runner.query('CREATE INDEX registration_event_idx ON registration (event_id, status, waitlist_position)');
    await runner.query('CREATE INDEX registration_event_time_idx ON registration (event_id, registered_at, id)');
    await runner.query('CREATE INDEX registration_company_idx ON registration (company_id, event_id)');
    await runner.query('CREATE INDEX registration_contact_idx ON registration (contact_id) WHERE contact_id IS NOT NULL');
    // One active registration per person and event; violations are answered 409 ALREADY_REGISTERED.
    await runner.query(
      "CREATE UNIQUE INDEX registration_contact_once ON registration (event_id, contact_id) WHERE status <> 'cancelled' AND contact_id IS NOT NULL",
    );
    await runner.query(
      "CREATE UNIQUE INDEX registration_email_once ON registration (event_id, lower(email)) WHERE status <> 'cancelled' AND email IS NOT NULL",
    );
    await runner.query(
      "CREATE UNIQUE INDEX registration_invitation_once ON registration (event_id, company_id) WHERE status <> 'cancelled' AND participant_kind = 'unnamed'",
    );
    await runner.query('CREATE UNIQUE INDEX registration_waitlist_position_once ON registration (event_id, waitlist_position) WHERE waitlist_position IS NOT NULL');

    await runner.query(`
      CREATE TABLE exhibitor (
        id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id   uuid NOT NULL REFERENCES programme_event (id),
        company_id uuid NOT NULL,
        products   text[] NOT NULL,
        stand      text,
        added_at   timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT exhibitor_once_per_fair UNIQUE (event_id, company_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['exhibitor', 'registration', 'programme_event', 'ring_membership', 'export_ring', 'company_copy']) {
      await runner.query(`DROP TABLE ${table}`);
    }
  }
}
