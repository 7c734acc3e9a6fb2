import { lockKeys, type Queryable } from './projection-support';

/**
 * What a refresh covers: the facts of some registrations, events or trips (their rows are rewritten
 * from the facts), the rows counted for some companies (their survivor and municipality are resolved
 * again after a merge or a move), or everything (a migration, the bench's seed).
 */
export type CountedActivityScope =
  | { registrationIds: readonly string[] }
  | { eventIds: readonly string[] }
  | { tripIds: readonly string[] }
  | { survivorIds: readonly string[] }
  | { all: true };

/** The company an activity counts for: the reported one, or the one it was merged into (any chain). */
const survivorOf = (company: string) => `COALESCE((SELECT m.survivor_id FROM company_merge m WHERE m.merged_id = ${company}), ${company})`;

/**
 * The survivor's municipality at the start of the day in Swedish time; `outside-county` for a
 * company outside Västerbotten then, `unknown` while its registration has not arrived. The spans of
 * a company cover all time without overlap, so at most one matches.
 */
const municipalityOn = (company: string, day: string) => `COALESCE(
  (SELECT COALESCE(cm.municipality, 'outside-county') FROM company_municipality cm
    WHERE cm.company_id = ${company}
      AND cm.span_from <= (${day}::timestamp AT TIME ZONE 'Europe/Stockholm')
      AND cm.span_to > (${day}::timestamp AT TIME ZONE 'Europe/Stockholm')
    LIMIT 1),
  'unknown')`;

/** Attended, current participations in events not cancelled, as counted activities. */
const eventActivities = (where: string) => `
  SELECT a.fact_id, a.company_id, r.survivor_id, a.event_kind, a.event_date, ${municipalityOn('r.survivor_id', 'a.event_date')},
         a.financier_ids, a.gender, a.hours, NULL::uuid, NULL::bigint
    FROM attendance_record a
    CROSS JOIN LATERAL (SELECT ${survivorOf('a.company_id')} AS survivor_id) r
   WHERE a.current AND a.attended AND NOT EXISTS (SELECT 1 FROM cancelled_event ce WHERE ce.event_id = a.event_id) AND ${where}`;

/** Places on trips' current completion records, trips not cancelled, as counted activities. */
const tripActivities = (where: string) => `
  SELECT c.fact_id, t.company_id, r.survivor_id, 'trip', c.starts_on, ${municipalityOn('r.survivor_id', 'c.starts_on')},
         c.financier_ids, NULL::text, NULL::numeric, c.trip_id, t.subsidy_sek
    FROM trip_completion c
    JOIN trip_traveller t ON t.fact_id = c.fact_id
    CROSS JOIN LATERAL (SELECT ${survivorOf('t.company_id')} AS survivor_id) r
   WHERE c.current AND NOT EXISTS (SELECT 1 FROM cancelled_trip ct WHERE ct.trip_id = c.trip_id) AND ${where}`;

const COLUMNS = 'source_id, company_id, survivor_id, kind, day, municipality, financier_ids, gender, hours, trip_id, subsidy_sek';

interface YearKey {
  survivor_id: string;
  year: number;
}

/**
 * Keeps `counted_activity` and `company_year_activity` equal to what the fact tables say, for the
 * scope: called by the projections after they changed facts, merges or municipalities (inside their
 * transaction). Idempotent, and a function of the fact tables only, so the arrival order of the facts
 * does not matter.
 *
 * Concurrency: what resolves survivors and municipalities holds a lock shared with every other such
 * writer, and a merge, a move or a cancellation (re-resolving rows already written) holds it
 * exclusively, so a participation written while one commits cannot keep the survivor from before the
 * merge, or count at an event cancelled meanwhile. The
 * rollup rows are recomputed under a lock per surviving company taken after the rows were written:
 * of two transactions adding rows for one company, the second recomputes after the first committed
 * and sees both.
 */
export async function refreshCountedActivities(manager: Queryable, scope: CountedActivityScope): Promise<void> {
  // A cancellation is exclusive too: an attendance at the event written at the same moment (another
  // stream position, another replica) reads `cancelled_event` before the cancellation commits, so it
  // would insert a counted row the cancellation's DELETE never saw. Cancellations are rare.
  const exclusive = 'survivorIds' in scope || 'all' in scope || 'eventIds' in scope;
  await manager.query(`SELECT pg_advisory_xact_lock${exclusive ? '' : '_shared'}(hashtextextended('counted-activity-resolution', 0))`);
  const keys: YearKey[] = [];
  // Whether rows left a (company, year): only then can a rollup row be left with nothing.
  let emptied = true;
  const yearKeys = (rows: YearKey[] | [YearKey[], number]) => (Array.isArray(rows[0]) ? (rows[0] as YearKey[]) : (rows as YearKey[]));
  const returning = 'RETURNING survivor_id, extract(year FROM day)::int AS year';

  if ('all' in scope) {
    await manager.query('DELETE FROM counted_activity');
    await manager.query(`INSERT INTO counted_activity (${COLUMNS}) ${eventActivities('true')} UNION ALL ${tripActivities('true')}`);
    await manager.query('DELETE FROM company_year_activity');
    await manager.query(
      `INSERT INTO company_year_activity SELECT * FROM (${rollupOf('SELECT DISTINCT survivor_id, extract(year FROM day)::int AS year FROM counted_activity', true)}) r`,
    );
    return;
  }

  if ('survivorIds' in scope) {
    const ids = [...new Set(scope.survivorIds)];
    if (!ids.length) return;
    // The years the companies had before: a merged company's rows leave them.
    keys.push(...(await manager.query('SELECT DISTINCT survivor_id, extract(year FROM day)::int AS year FROM counted_activity WHERE survivor_id = ANY($1::uuid[])', [ids])));
    const moved = await manager.query(
      `UPDATE counted_activity ca SET survivor_id = x.survivor_id, municipality = x.municipality
         FROM (SELECT c.source_id, c.company_id, r.survivor_id, ${municipalityOn('r.survivor_id', 'c.day')} AS municipality
                 FROM counted_activity c CROSS JOIN LATERAL (SELECT ${survivorOf('c.company_id')} AS survivor_id) r
                WHERE c.survivor_id = ANY($1::uuid[])) x
        WHERE ca.source_id = x.source_id AND ca.company_id = x.company_id
          AND (ca.survivor_id, ca.municipality) IS DISTINCT FROM (x.survivor_id, x.municipality)
        RETURNING ca.survivor_id, extract(year FROM ca.day)::int AS year`,
      [ids],
    );
    keys.push(...yearKeys(moved));
  } else {
    // The facts' rows, rewritten: what no longer counts goes, what counts (again) comes back resolved now.
    const [facts, events, trips] =
      'registrationIds' in scope
        ? ['SELECT fact_id FROM attendance_record WHERE registration_id = ANY($1::uuid[])', 'a.registration_id = ANY($1::uuid[])', undefined]
        : 'eventIds' in scope
          ? ['SELECT fact_id FROM attendance_record WHERE event_id = ANY($1::uuid[])', 'a.event_id = ANY($1::uuid[])', undefined]
          : ['SELECT fact_id FROM trip_completion WHERE trip_id = ANY($1::uuid[])', undefined, 'c.trip_id = ANY($1::uuid[])'];
    const ids = [...new Set('registrationIds' in scope ? scope.registrationIds : 'eventIds' in scope ? scope.eventIds : scope.tripIds)];
    if (!ids.length) return;
    const removed = yearKeys(await manager.query(`DELETE FROM counted_activity WHERE source_id IN (${facts}) ${returning}`, [ids]));
    keys.push(...removed);
    emptied = removed.length > 0;
    const select = events ? eventActivities(events) : tripActivities(trips!);
    keys.push(...yearKeys(await manager.query(`INSERT INTO counted_activity (${COLUMNS}) ${select} ${returning}`, [ids])));
  }
  await refreshYears(manager, keys, emptied);
}

/**
 * A surviving company's export figures as the exporters indicator takes them for a period ending with
 * `year` (docs/reporting.md): the year of its first counted activity ever (its own or a merged
 * duplicate's), the export turnover of the year before (its own, else a duplicate's), and its latest
 * reported year up to `year` with that year's export turnover (its own where it reported, else a
 * duplicate's for a later year only the duplicate reported).
 */
export const exportFiguresOf = (company: string, year: string) => `
  SELECT fy.first_year, COALESCE(bo.export_turnover_sek, bd.export_turnover_sek) AS baseline_export,
         CASE WHEN ld.year IS NULL OR lo.year >= ld.year THEN lo.year ELSE ld.year END AS latest_year,
         CASE WHEN ld.year IS NULL OR lo.year >= ld.year THEN lo.export_turnover_sek ELSE ld.export_turnover_sek END AS latest_export
    FROM (SELECT extract(year FROM min(ca.day))::int AS first_year FROM counted_activity ca WHERE ca.survivor_id = ${company}) fy
    LEFT JOIN export_figures bo ON bo.company_id = ${company} AND bo.year = fy.first_year - 1
    LEFT JOIN LATERAL (
      SELECT f.export_turnover_sek FROM company_merge m JOIN export_figures f ON f.company_id = m.merged_id AND f.year = fy.first_year - 1
       WHERE m.survivor_id = ${company} ORDER BY f.reported_at DESC LIMIT 1) bd ON true
    LEFT JOIN LATERAL (
      SELECT f.year, f.export_turnover_sek FROM export_figures f
       WHERE f.company_id = ${company} AND f.year <= ${year} ORDER BY f.year DESC LIMIT 1) lo ON true
    LEFT JOIN LATERAL (
      SELECT f.year, f.export_turnover_sek FROM company_merge m JOIN export_figures f ON f.company_id = m.merged_id
       WHERE m.survivor_id = ${company} AND f.year <= ${year} ORDER BY f.year DESC, f.reported_at DESC LIMIT 1) ld ON true`;

/**
 * Recomputes the export figures kept on the rollup rows of the surviving companies of `companyIds`
 * (a company's own survivor, or itself): after their export figures or merges changed (`all`), or
 * on the rows whose first year is not (or no longer) the year of the company's first counted activity
 * (`first-year-changed`, surviving companies' ids, after their counted activities changed: a new row,
 * or an activity earlier than all the company had, or its first one corrected away).
 */
export async function refreshExportFigures(manager: Queryable, companyIds: readonly string[], which: 'all' | 'first-year-changed'): Promise<void> {
  const ids = [...new Set(companyIds)];
  if (!ids.length) return;
  let survivors = ids.map((id) => ({ id }));
  if (which === 'all') {
    // Against a merge re-resolving the same companies' rows at the same time (see refreshCountedActivities).
    await manager.query(`SELECT pg_advisory_xact_lock_shared(hashtextextended('counted-activity-resolution', 0))`);
    survivors = await manager.query(`SELECT DISTINCT ${survivorOf('c.id')} AS id FROM unnest($1::uuid[]) AS c(id)`, [ids]);
  }
  // (After refreshYears, `first-year-changed`: survivors already, their locks already held.)
  await lockKeys(
    manager,
    'company-year-activity',
    survivors.map((s) => s.id),
  );
  const changed =
    which === 'all'
      ? ''
      : `AND k.first_year IS DISTINCT FROM (SELECT extract(year FROM min(ca.day))::int FROM counted_activity ca WHERE ca.survivor_id = k.survivor_id)`;
  await manager.query(
    `UPDATE company_year_activity y
        SET first_year = x.first_year, baseline_export = x.baseline_export, latest_year = x.latest_year, latest_export = x.latest_export
       FROM (SELECT k.survivor_id, k.year FROM company_year_activity k WHERE k.survivor_id = ANY($1::uuid[]) ${changed}) k
       CROSS JOIN LATERAL (${exportFiguresOf('k.survivor_id', 'k.year')}) x
      WHERE y.survivor_id = k.survivor_id AND y.year = k.year
        AND (y.first_year, y.baseline_export, y.latest_year, y.latest_export)
            IS DISTINCT FROM (x.first_year, x.baseline_export, x.latest_year, x.latest_export)`,
    [survivors.map((s) => s.id)],
  );
}

/** The rollup rows of these (company, year) keys, from their counted activities. */
async function refreshYears(manager: Queryable, keys: readonly YearKey[], emptied: boolean): Promise<void> {
  const unique = new Map(keys.map((k) => [`${k.survivor_id}:${k.year}`, k]));
  if (!unique.size) return;
  const survivors = [...unique.values()].map((k) => k.survivor_id);
  const years = [...unique.values()].map((k) => Number(k.year));
  await lockKeys(manager, 'company-year-activity', survivors);
  const keySet = 'SELECT DISTINCT * FROM unnest($1::uuid[], $2::int[]) AS k(survivor_id, year)';
  // The activity columns here; the export columns below, only where the first year is new or moved.
  await manager.query(
    `INSERT INTO company_year_activity AS y (survivor_id, year, ${ACTIVITY_COLUMNS.join(', ')})
     SELECT * FROM (${rollupOf(keySet, false)}) r
     ON CONFLICT (survivor_id, year) DO UPDATE SET ${ACTIVITY_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')}
     WHERE (${ACTIVITY_COLUMNS.map((c) => `y.${c}`).join(', ')}) IS DISTINCT FROM (${ACTIVITY_COLUMNS.map((c) => `excluded.${c}`).join(', ')})`,
    [survivors, years],
  );
  // A year with nothing counted any more has no row (new facts alone cannot empty one: skipped then).
  if (emptied) {
    await manager.query(
      `DELETE FROM company_year_activity y USING (${keySet}) k
        WHERE y.survivor_id = k.survivor_id AND y.year = k.year
          AND NOT EXISTS (SELECT 1 FROM counted_activity ca WHERE ca.survivor_id = k.survivor_id
                             AND ca.day >= make_date(k.year, 1, 1) AND ca.day < make_date(k.year + 1, 1, 1))`,
      [survivors, years],
    );
  }
  // New rows get their export columns; and a company's first counted activity may have moved (an
  // activity earlier than all it had, or its first one corrected away): the baseline of its other
  // years moves with it.
  await refreshExportFigures(manager, survivors, 'first-year-changed');
}

/** The rollup's columns from the company's counted activities of the year. */
const ACTIVITY_COLUMNS = ['kinds', 'municipalities', 'financier_ids', 'participations', 'hours', 'by_gender'] as const;

/**
 * The rollup row of each (survivor_id, year) the key query gives that has counted activities: its key
 * and activity columns, and with `exportFigures` its export columns.
 */
function rollupOf(keyQuery: string, exportFigures: boolean): string {
  const ofKey = `ca.survivor_id = k.survivor_id AND ca.day >= make_date(k.year, 1, 1) AND ca.day < make_date(k.year + 1, 1, 1)`;
  return `
    SELECT k.survivor_id, k.year, a.kinds, a.municipalities, f.financier_ids, a.participations, a.hours, g.by_gender
           ${exportFigures ? ', x.first_year, x.baseline_export, x.latest_year, x.latest_export' : ''}
      FROM (${keyQuery}) k
      CROSS JOIN LATERAL (
        SELECT count(*) AS n, array_agg(DISTINCT ca.kind ORDER BY ca.kind) AS kinds,
               array_agg(DISTINCT ca.municipality ORDER BY ca.municipality) AS municipalities,
               (count(*) FILTER (WHERE ca.kind <> 'trip'))::int AS participations, COALESCE(sum(ca.hours), 0) AS hours
          FROM counted_activity ca WHERE ${ofKey}) a
      CROSS JOIN LATERAL (
        SELECT COALESCE(array_agg(DISTINCT fin ORDER BY fin), '{}') AS financier_ids
          FROM counted_activity ca, unnest(ca.financier_ids) AS fin WHERE ${ofKey}) f
      CROSS JOIN LATERAL (
        SELECT COALESCE(jsonb_object_agg(gender, n), '{}') AS by_gender
          FROM (SELECT ca.gender, count(*) AS n FROM counted_activity ca WHERE ${ofKey} AND ca.kind <> 'trip' GROUP BY ca.gender) x) g
      ${exportFigures ? `CROSS JOIN LATERAL (${exportFiguresOf('k.survivor_id', 'k.year')}) x` : ''}
     WHERE a.n > 0`;
}
