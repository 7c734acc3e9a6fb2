import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reporting service's read models, built only from integration events. Every table is keyed so
 * that any arrival order of the events gives the same rows: facts are kept by their event id, the
 * current one of a chain of corrections is chosen from all of them (`current`), latest values are kept
 * by revision, merges are a survivor mapping applied at query time (so it also covers facts arriving
 * after the merge). See docs/reporting.md.
 */
export class ReportingReadModels1796000000000 implements MigrationInterface {
  name = 'ReportingReadModels1796000000000';

  async up(runner: QueryRunner): Promise<void> {
    // Companies: a row may exist before its CompanyRegistered (an update or an attendance came first).
    await runner.query(`
      CREATE TABLE company (
        id              uuid PRIMARY KEY,
        org_number      text,
        name            text,
        size_class      text,
        sni_code        text,
        county          text,
        registered_at   timestamptz,
        revision        integer NOT NULL DEFAULT 0,
        -- The revision that last set each field: a CompanyUpdated carries only the fields it changes
        -- and may arrive after a later one.
        field_revisions jsonb NOT NULL DEFAULT '{}'
      )`);
    // Where a company was, over time: one row per registration or move, by revision. span_from/span_to
    // are derived from all rows of the company (ordered by effective_from, revision) after each change;
    // the first span reaches back without limit, so an activity before the registration still has a place.
    await runner.query(`
      CREATE TABLE company_municipality (
        company_id     uuid NOT NULL,
        revision       integer NOT NULL,
        effective_from timestamptz NOT NULL,
        municipality   text,
        county         text,
        span_from      timestamptz NOT NULL DEFAULT '-infinity',
        span_to        timestamptz NOT NULL DEFAULT 'infinity',
        PRIMARY KEY (company_id, revision)
      )`);
    await runner.query('CREATE INDEX company_municipality_span_idx ON company_municipality (company_id, span_from, span_to)');
    // A merged company and its final survivor (a chain A→B→C maps A and B to C, whatever order the
    // merges arrived in).
    await runner.query(`
      CREATE TABLE company_merge (
        merged_id    uuid PRIMARY KEY,
        surviving_id uuid NOT NULL,
        survivor_id  uuid NOT NULL,
        merged_at    timestamptz NOT NULL
      )`);
    await runner.query('CREATE INDEX company_merge_survivor_idx ON company_merge (survivor_id)');
    await runner.query(`
      CREATE TABLE export_figures (
        company_id          uuid NOT NULL,
        year                integer NOT NULL,
        revision            integer NOT NULL,
        total_turnover_sek  bigint NOT NULL,
        export_turnover_sek bigint NOT NULL,
        reported_at         timestamptz NOT NULL,
        PRIMARY KEY (company_id, year)
      )`);
    await runner.query(`
      CREATE TABLE relationship_change (
        fact_id         uuid PRIMARY KEY,
        relationship_id uuid NOT NULL,
        company_id      uuid NOT NULL,
        partner_id      uuid NOT NULL,
        partner_country text NOT NULL,
        target_region   text,
        from_stage      text,
        to_stage        text NOT NULL,
        changed_at      timestamptz NOT NULL,
        cause           text NOT NULL,
        cause_id        uuid
      )`);
    await runner.query('CREATE INDEX relationship_change_reached_idx ON relationship_change (changed_at) WHERE to_stage IN (\'agreement\', \'long-term\')');
    await runner.query('CREATE INDEX relationship_change_relationship_idx ON relationship_change (relationship_id)');

    // Programme events, kept by revision; a cancellation is its own table, so that it holds whether
    // it arrives before or after the event's details.
    await runner.query(`
      CREATE TABLE programme_event (
        id            uuid PRIMARY KEY,
        kind          text NOT NULL,
        topic         text NOT NULL,
        title         text NOT NULL,
        starts_at     timestamptz NOT NULL,
        ends_at       timestamptz NOT NULL,
        municipality  text,
        ring_id       uuid,
        financier_ids text[] NOT NULL,
        revision      integer NOT NULL
      )`);
    await runner.query('CREATE TABLE cancelled_event (event_id uuid PRIMARY KEY, cancelled_at timestamptz NOT NULL)');
    // Every attendance fact (ParticipantAttended and AttendanceCorrected), by its event id. `current`
    // marks, per registration, the one no other fact corrects (the latest by occurredOn should a link
    // of the chain still be missing).
    await runner.query(`
      CREATE TABLE attendance_record (
        fact_id          uuid PRIMARY KEY,
        corrects_fact_id uuid,
        registration_id  uuid NOT NULL,
        occurred_on      timestamptz NOT NULL,
        event_id         uuid NOT NULL,
        event_kind       text NOT NULL,
        topic            text NOT NULL,
        event_date       date NOT NULL,
        company_id       uuid NOT NULL,
        hours            numeric(7, 2) NOT NULL,
        gender           text NOT NULL,
        financier_ids    text[] NOT NULL,
        attended         boolean NOT NULL,
        current          boolean NOT NULL DEFAULT false
      )`);
    await runner.query('CREATE INDEX attendance_record_registration_idx ON attendance_record (registration_id)');
    await runner.query('CREATE INDEX attendance_record_corrects_idx ON attendance_record (corrects_fact_id) WHERE corrects_fact_id IS NOT NULL');
    // What the indicators read: the counted participations of a period, without touching the table.
    await runner.query(`
      CREATE INDEX attendance_record_counted_idx ON attendance_record (event_date)
        INCLUDE (company_id, event_kind, event_id, gender, hours, financier_ids) WHERE current AND attended`);
    // A company's history (its activities, its first supported activity).
    await runner.query('CREATE INDEX attendance_record_company_idx ON attendance_record (company_id, event_date) WHERE current');
    await runner.query('CREATE INDEX attendance_record_event_idx ON attendance_record (event_id)');
    // Each company's first counted activity (event or trip), kept by the projections for the companies
    // whose facts they touch: the exporters' baseline year needs it for every supported company, and
    // computing it from a company's whole history in each report would be the report's largest cost.
    await runner.query(`
      CREATE TABLE company_first_activity (
        company_id uuid PRIMARY KEY,
        first_day  date
      )`);
    await runner.query(`
      CREATE TABLE ring_membership (
        membership_id uuid PRIMARY KEY,
        ring_id       uuid NOT NULL,
        ring_kind     text NOT NULL,
        company_id    uuid NOT NULL,
        joined_on     date,
        left_on       date
      )`);
    await runner.query('CREATE INDEX ring_membership_company_idx ON ring_membership (company_id)');

    // Trips: the plan (title, itinerary), cancellations, and every completion fact with its travellers;
    // `current` as for attendance, per trip.
    await runner.query(`
      CREATE TABLE trip (
        id                    uuid PRIMARY KEY,
        title                 text NOT NULL,
        starts_on             date NOT NULL,
        ends_on               date NOT NULL,
        destination_countries text[] NOT NULL,
        target_regions        text[] NOT NULL,
        financier_ids         text[] NOT NULL,
        planned_on            timestamptz NOT NULL
      )`);
    await runner.query('CREATE TABLE cancelled_trip (trip_id uuid PRIMARY KEY, cancelled_at timestamptz NOT NULL)');
    await runner.query(`
      CREATE TABLE trip_completion (
        fact_id               uuid PRIMARY KEY,
        corrects_fact_id      uuid,
        trip_id               uuid NOT NULL,
        occurred_on           timestamptz NOT NULL,
        starts_on             date NOT NULL,
        ends_on               date NOT NULL,
        destination_countries text[] NOT NULL,
        target_regions        text[] NOT NULL,
        financier_ids         text[] NOT NULL,
        completed_at          timestamptz NOT NULL,
        current               boolean NOT NULL DEFAULT false
      )`);
    await runner.query('CREATE INDEX trip_completion_trip_idx ON trip_completion (trip_id)');
    await runner.query('CREATE INDEX trip_completion_corrects_idx ON trip_completion (corrects_fact_id) WHERE corrects_fact_id IS NOT NULL');
    await runner.query('CREATE INDEX trip_completion_counted_idx ON trip_completion (starts_on) WHERE current');
    await runner.query(`
      CREATE TABLE trip_traveller (
        fact_id     uuid NOT NULL REFERENCES trip_completion (fact_id),
        company_id  uuid NOT NULL,
        days_abroad integer NOT NULL,
        subsidy_sek bigint NOT NULL,
        PRIMARY KEY (fact_id, company_id)
      )`);
    await runner.query('CREATE INDEX trip_traveller_company_idx ON trip_traveller (company_id)');
    await runner.query(`
      CREATE TABLE partner_meeting (
        meeting_id      uuid PRIMARY KEY,
        trip_id         uuid NOT NULL,
        company_id      uuid NOT NULL,
        partner_id      uuid,
        partner_name    text,
        partner_country text NOT NULL,
        held_at         timestamptz NOT NULL,
        outcome         text NOT NULL,
        follow_up_on    date
      )`);
    await runner.query('CREATE INDEX partner_meeting_trip_idx ON partner_meeting (trip_id)');
    await runner.query('CREATE INDEX partner_meeting_held_idx ON partner_meeting (held_at)');

    // Jobs' results: a trip report per TripCompleted / TripCompletionCorrected (keyed by that event's id,
    // so a redelivery or a second replica cannot make two), and frozen periods with their company rows.
    await runner.query(`
      CREATE TABLE trip_report (
        trigger_event_id uuid PRIMARY KEY,
        trip_id          uuid NOT NULL,
        revision         integer NOT NULL,
        produced_at      timestamptz NOT NULL,
        report           json NOT NULL,
        UNIQUE (trip_id, revision)
      )`);
    await runner.query(`
      CREATE TABLE frozen_period (
        id          uuid PRIMARY KEY,
        period_from date NOT NULL,
        period_to   date NOT NULL,
        financier   text,
        produced_at timestamptz NOT NULL,
        frozen_by   text NOT NULL,
        -- json, not jsonb: the text is kept as written, so a download re-rendered from it is the same bytes.
        report      json NOT NULL,
        company_count integer NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE frozen_period_company (
        period_id uuid NOT NULL REFERENCES frozen_period (id) ON DELETE CASCADE,
        position  integer NOT NULL,
        row       json NOT NULL,
        PRIMARY KEY (period_id, position)
      )`);
    // The last event applied from each stream, for GET /api/reports/status. One row per stream, made
    // here, so that handlers only ever update it (and skip it when another transaction holds it).
    await runner.query(`
      CREATE TABLE stream_progress (
        stream           text PRIMARY KEY,
        last_event_id    uuid,
        last_event_type  text,
        last_occurred_on timestamptz,
        applied_at       timestamptz
      )`);
    await runner.query(`INSERT INTO stream_progress (stream) VALUES ('companies'), ('events'), ('trips')`);
    // The indicators are a few short analytic queries: JIT compiling them cost seconds for milliseconds
    // of execution (measured with bench:reporting), so it is off for this database.
    await runner.query(`DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET jit = off', current_database()); END $$`);
    // Rebuilds by replay (POST /api/reports/rebuild) and their progress.
    await runner.query(`
      CREATE TABLE rebuild (
        id          uuid PRIMARY KEY,
        state       text NOT NULL CHECK (state IN ('running', 'switched', 'failed')),
        started_at  timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        replayed    bigint NOT NULL DEFAULT 0,
        total       bigint,
        error       text,
        started_by  text NOT NULL,
        heartbeat_at timestamptz NOT NULL DEFAULT now()
      )`);
    // At most one rebuild runs at a time, whichever replica was asked.
    await runner.query(`CREATE UNIQUE INDEX rebuild_one_running ON rebuild ((true)) WHERE state = 'running'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE company_first_activity');
    for (const table of [
      'rebuild',
      'stream_progress',
      'frozen_period_company',
      'frozen_period',
      'trip_report',
      'partner_meeting',
      'trip_traveller',
      'trip_completion',
      'cancelled_trip',
      'trip',
      'ring_membership',
      'attendance_record',
      'cancelled_event',
      'programme_event',
      'relationship_change',
      'export_figures',
      'company_merge',
      'company_municipality',
      'company',
    ]) {
      await runner.query(`DROP TABLE ${table}`);
    }
  }
}
