import type { MigrationInterface, QueryRunner } from 'typeorm';
import { refreshCountedActivities } from '../read-models/counted-activities';

/**
 * What the indicators read, resolved at write time (bench:reporting: a year's figures went from
 * reading ~200,000 facts and resolving each one's survivor and municipality per request, to reading
 * one rollup row per supported company):
 * - `counted_activity`: every counted activity (an attended, current participation in an event not
 *   cancelled; a place on a trip's current completion record, trip not cancelled) with its surviving
 *   company and that company's municipality at the start of the activity's day. The projections keep
 *   it: a fact's rows are rewritten when the fact changes, and re-resolved when a merge or move of
 *   the company arrives (rare next to reads).
 * - `company_year_activity`: per surviving company and calendar year, the kinds, municipalities and
 *   financiers of its counted activities, and its participations; whole years of a period are read
 *   from here, the days at a period's edges from `counted_activity`.
 * Both are derived from the fact tables only, so they are the same whatever order the facts came in.
 */
export class CountedActivities1796100000000 implements MigrationInterface {
  name = 'CountedActivities1796100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE counted_activity (
        source_id     uuid NOT NULL,   -- the attendance fact, or the trip's completion fact
        company_id    uuid NOT NULL,   -- the company as reported
        survivor_id   uuid NOT NULL,   -- the company it counts for (itself, or what it was merged into)
        kind          text NOT NULL,   -- an event kind, or trip
        day           date NOT NULL,   -- the event's day, the trip's first day (Swedish time)
        municipality  text NOT NULL,   -- the survivor's at the start of the day; outside-county; unknown
        financier_ids text[] NOT NULL,
        gender        text,            -- participations only
        hours         numeric(7, 2),
        trip_id       uuid,            -- trips only
        subsidy_sek   bigint,
        PRIMARY KEY (source_id, company_id)
      )`);
    // A period's raw days (its edges, or all of it with a filter) as an index-only scan.
    await runner.query(`
      CREATE INDEX counted_activity_day_idx ON counted_activity (day)
        INCLUDE (survivor_id, kind, municipality, financier_ids, gender, hours)`);
    // Trips are few: their figures read only their own rows.
    await runner.query(`
      CREATE INDEX counted_activity_trip_idx ON counted_activity (day)
        INCLUDE (survivor_id, kind, municipality, financier_ids, trip_id, subsidy_sek) WHERE trip_id IS NOT NULL`);
    // A company's rows: the rollup's recomputation, re-resolution on a merge or move, the companies list.
    await runner.query('CREATE INDEX counted_activity_survivor_idx ON counted_activity (survivor_id, day) INCLUDE (kind, municipality, financier_ids)');
    await runner.query(`
      CREATE TABLE company_year_activity (
        survivor_id    uuid NOT NULL,
        year           integer NOT NULL,
        kinds          text[] NOT NULL,   -- distinct, sorted
        municipalities text[] NOT NULL,
        financier_ids  text[] NOT NULL,
        participations integer NOT NULL,  -- attended participations in events (trips not counted)
        hours          numeric(12, 2) NOT NULL,
        by_gender      jsonb NOT NULL,    -- participations by gender
        -- The company's export figures as the exporters indicator takes them for a period ending with
        -- this year: the year of its first counted activity ever, its baseline (the year before) and its
        -- latest reported year up to this one (its own figures, else a merged duplicate's).
        first_year      integer,          -- null only inside the transaction that makes the row
        baseline_export bigint,
        latest_year     integer,
        latest_export   bigint,
        PRIMARY KEY (survivor_id, year)
      )`);
    // Whole years of a period: every company of a year in one index range, in the order of the ids.
    await runner.query(`
      CREATE INDEX company_year_activity_year_idx ON company_year_activity (year, survivor_id)
        INCLUDE (kinds, municipalities, financier_ids, participations, hours, by_gender, first_year, baseline_export, latest_year, latest_export)`);
    // The companies list's pages by name: walked along this index, never sorting every company.
    await runner.query('CREATE INDEX company_name_idx ON company (name, id)');
    // The figures are aggregates over tens of thousands of rows: with the default 4 MB they spilled
    // to temporary files (bench:reporting's EXPLAIN ANALYZE), so the reporting database gets more.
    await runner.query(`DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET work_mem = %L', current_database(), '32MB'); END $$`);
    // Each company's first activity is now the first year on its rollup rows (the exporters' baseline).
    await runner.query('DROP TABLE company_first_activity');
    // A database that already holds facts gets its rows from the same code the projections run.
    await refreshCountedActivities({ query: (sql: string, params?: unknown[]) => runner.query(sql, params) }, { all: true });
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DO $$ BEGIN EXECUTE format('ALTER DATABASE %I RESET work_mem', current_database()); END $$`);
    await runner.query('DROP INDEX company_name_idx');
    await runner.query('DROP TABLE company_year_activity');
    await runner.query('DROP TABLE counted_activity');
    await runner.query('CREATE TABLE company_first_activity (company_id uuid PRIMARY KEY, first_day date)');
  }
}
