// The indicators in SQL over the read models. One builder makes the common part (the counted
// activities of a period, under their surviving company and with the municipality of their day) so
// that the figures, the companies list and the downloads count exactly the same thing.
//
// The projections keep both sources resolved at write time (read-models/counted-activities.ts):
// `company_year_activity` holds, per surviving company and calendar year, what its counted activities
// were; `counted_activity` every counted activity. A period without a filter reads its whole calendar
// years from the first (one row per company and year) and only its other days from the second; a
// filter needs each activity's kind, municipality and financiers together, so it reads the second.

import { exportFiguresOf } from '../read-models/counted-activities';

export interface IndicatorFilters {
  from: string;
  to: string;
  financier?: string;
  municipality?: string;
  activityKind?: string;
}

/** SQL text with its parameters ($1…). */
export interface Sql {
  text: string;
  params: unknown[];
}

const isFiltered = (f: IndicatorFilters) => Boolean(f.financier || f.municipality || f.activityKind);

/** A period split into whole calendar years and the days before and after them (YYYY-MM-DD, both ends included). */
export interface PeriodParts {
  years?: { first: number; last: number };
  days: [string, string][];
  /** Exactly one whole year: its rollup rows are one per company, nothing to make distinct. */
  single?: boolean;
}

export function periodParts(from: string, to: string, useYears = true): PeriodParts {
  const first = Number(from.slice(0, 4)) + (from.endsWith('-01-01') ? 0 : 1);
  const last = Number(to.slice(0, 4)) - (to.endsWith('-12-31') ? 0 : 1);
  if (!useYears || first > last) return { days: [[from, to]] };
  const days: [string, string][] = [];
  if (from < `${first}-01-01`) days.push([from, `${first - 1}-12-31`]);
  if (to > `${last}-12-31`) days.push([`${last + 1}-01-01`, to]);
  return { years: { first, last }, days, ...(first === last && !days.length ? { single: true } : {}) };
}

interface Parts {
  params: unknown[];
  param: (value: unknown) => string;
  period: PeriodParts;
  /** Conditions of the filters on a counted_activity row `ca`. */
  filters: string[];
}

function partsOf(filters: IndicatorFilters): Parts {
  const params: unknown[] = [filters.from, filters.to];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const conditions: string[] = [];
  if (filters.financier) conditions.push(`ca.financier_ids @> ARRAY[${param(filters.financier)}::text]`);
  if (filters.activityKind) conditions.push(`ca.kind = ${param(filters.activityKind)}`);
  if (filters.municipality) conditions.push(`ca.municipality = ${param(filters.municipality)}`);
  return { params, param, period: periodParts(filters.from, filters.to, !isFiltered(filters)), filters: conditions };
}

/**
 * The counted activities of the period's raw days (all of it with a filter, else the days outside its
 * whole years) that match the filters and `conditions` on `ca`.
 */
function rawActivities(parts: Parts, columns: string, conditions: string[] = [], period = parts.period): string {
  const ranges = period.days.map(([from, to]) => {
    const where = [
      from === (parts.params[0] as string) && to === (parts.params[1] as string)
        ? 'ca.day BETWEEN $1::date AND $2::date'
        : `ca.day BETWEEN ${parts.param(from)}::date AND ${parts.param(to)}::date`,
      ...conditions,
      ...parts.filters,
    ];
    return `SELECT ${columns} FROM counted_activity ca WHERE ${where.join(' AND ')}`;
  });
  // No raw day: no row (the period's bounds stay in the text, so that $1 and $2 keep their type in a
  // statement that has no other use for them).
  return ranges.length ? ranges.join(' UNION ALL ') : `SELECT ${columns} FROM counted_activity ca WHERE ca.day BETWEEN $1::date AND $2::date AND false`;
}

/**
 * The rollup rows of the period's whole years (none with a filter), optionally of one company only,
 * optionally joined to more tables (`joins`).
 */
function wholeYears(parts: Parts, columns: string, company?: string, joins?: string): string {
  const from = `FROM company_year_activity y${joins ? ` ${joins}` : ''}`;
  const years = parts.period.years;
  if (!years) return `SELECT ${columns} ${from} WHERE false`;
  const where = [`y.year BETWEEN ${years.first} AND ${years.last}`, ...(company ? [`y.survivor_id = ${company}`] : [])];
  return `SELECT ${columns} ${from} WHERE ${where.join(' AND ')}`;
}

const SET_COLUMNS = {
  years: 'y.survivor_id AS company_id, y.kinds, y.municipalities, y.financier_ids',
  raw: 'ca.survivor_id AS company_id, ARRAY[ca.kind] AS kinds, ARRAY[ca.municipality] AS municipalities, ca.financier_ids',
};

/**
 * `located`: one row per counted activity of the period's raw days, with the surviving company, the
 * kind, the municipality of its day, the financiers and (participations) gender and hours;
 * `years`: the rollup rows of its whole years; `sets`: both as (company, kinds, municipalities,
 * financiers), what every distinct-company figure is counted from; `supported`: the distinct
 * companies.
 */
export function locatedActivities(filters: IndicatorFilters, options: { figures?: boolean } = {}): Sql & { parts: Parts } {
  const parts = partsOf(filters);
  // Only the figures need the participations' and exporters' columns; the companies list and its
  // count materialise no more than the companies' sets.
  const located = rawActivities(
    parts,
    `ca.survivor_id AS company_id, ca.kind, ca.municipality, ca.financier_ids${options.figures ? ', ca.gender, ca.hours' : ''}`,
  );
  const years = wholeYears(
    parts,
    `y.survivor_id AS company_id, y.kinds, y.municipalities, y.financier_ids${
      options.figures ? ', y.participations, y.hours, y.by_gender, y.first_year, y.baseline_export, y.latest_year, y.latest_export' : ''
    }`,
  );
  // A single whole year's rollup rows are one per company: `sets` and `supported` are then only
  // views of `years` (nothing to make distinct, nothing to copy).
  const single = parts.period.single;
  const text = `
    located AS (${located}),
    years AS (${years}),
    sets AS ${single ? 'NOT ' : ''}MATERIALIZED (
      SELECT company_id, kinds, municipalities, financier_ids FROM years
      UNION ALL
      SELECT company_id, ARRAY[kind], ARRAY[municipality], financier_ids FROM located),
    supported AS ${single ? 'NOT MATERIALIZED (SELECT company_id FROM years)' : 'MATERIALIZED (SELECT DISTINCT company_id FROM sets)'}`;
  return { text, params: parts.params, parts };
}

/** SQL expressions of the companies' and participations' figures, over the CTEs in `ctes`. */
interface CompanyFigures {
  ctes: string;
  params: unknown[];
  parts: Parts;
  total: string;
  bySizeClass: string;
  byActivityKind: string;
  byMunicipality: string;
  byFinancier: string;
  attended: string;
  byGender: string;
  hours: string;
  exportingLatest: string;
  exportingBaseline: string;
  newExporters: string;
  baselineSek: string;
  latestSek: string;
}

/** A breakdown as a JSON object from a query of (key, count) rows; `{}` when it has none. */
const figure = (from: string) => `(SELECT COALESCE(jsonb_object_agg(k, n), '{}'::jsonb) FROM (${from}) f(k, n))`;

/**
 * Exactly one whole year without a filter (the annual report): its rollup rows are one per supported
 * company, so every figure of the companies, participations and exporters is a sum over them. They
 * are read once (one index-only scan, the company joined once for its size class) and grouped in
 * the same pass by what the breakdowns count: the companies by their (kinds, municipalities,
 * financiers, size class), with the exporters' and hours' sums per group; and by their
 * participations by gender. Companies share these, so a year's ~20,000 rows fold into some hundreds
 * of groups, and the breakdowns unnest the groups' arrays, not every row's; each group counts its
 * companies once per key (a row's arrays hold each key once). The same figures as the general path.
 */
function singleYearFigures(filters: IndicatorFilters): CompanyFigures {
  const parts = partsOf(filters);
  const years = wholeYears(
    parts,
    `GROUPING(y.kinds) = 0 AS of_companies, y.kinds, y.municipalities, y.financier_ids, COALESCE(c.size_class, 'unknown') AS size_class, y.by_gender,
           count(*) AS companies, sum(y.hours) AS hours,
           count(*) FILTER (WHERE y.latest_export > 0) AS exporting_latest,
           count(*) FILTER (WHERE y.baseline_export > 0) AS exporting_baseline,
           count(*) FILTER (WHERE y.baseline_export = 0 AND y.latest_export > 0 AND y.latest_year > y.first_year - 1) AS new_exporters,
           sum(y.baseline_export) AS baseline_export, sum(y.latest_export) AS latest_export`,
    undefined,
    `LEFT JOIN company c ON c.id = y.survivor_id`,
  );
  const companies = (expression: string) => `(SELECT COALESCE(sum(${expression}), 0) FROM year_groups WHERE of_companies)`;
  const companiesBy = (column: string) =>
    figure(`SELECT key, sum(g.companies) FROM year_groups g, unnest(g.${column}) AS key WHERE g.of_companies GROUP BY key`);
  return {
    ctes: `
    year_groups AS MATERIALIZED (
      ${years}
       GROUP BY GROUPING SETS ((y.kinds, y.municipalities, y.financier_ids, COALESCE(c.size_class, 'unknown')), (y.by_gender))),
    participation_stats AS (
      SELECT e.key AS gender, sum(e.value::int * g.companies) AS n
        FROM year_groups g, jsonb_each_text(g.by_gender) AS e WHERE NOT g.of_companies GROUP BY e.key)`,
    params: parts.params,
    parts,
    total: companies('companies'),
    bySizeClass: figure('SELECT size_class, sum(companies) FROM year_groups WHERE of_companies GROUP BY size_class'),
    byActivityKind: companiesBy('kinds'),
    byMunicipality: companiesBy('municipalities'),
    byFinancier: companiesBy('financier_ids'),
    attended: '(SELECT COALESCE(sum(n), 0) FROM participation_stats)',
    byGender: figure('SELECT gender, n FROM participation_stats'),
    hours: companies('hours'),
    exportingLatest: companies('exporting_latest'),
    exportingBaseline: companies('exporting_baseline'),
    newExporters: companies('new_exporters'),
    baselineSek: companies('baseline_export'),
    latestSek: companies('latest_export'),
  };
}

/**
 * Any other period, or a filter: the distinct companies over the whole years' rollup rows and the
 * other days' counted activities (`locatedActivities`).
 */
function generalFigures(filters: IndicatorFilters): CompanyFigures {
  const { text, params, parts } = locatedActivities(filters, { figures: true });
  // Distinct (key, company) pairs first, then counted: two hash aggregations, where count(DISTINCT)
  // would sort every row once per breakdown.
  const companiesBy = (column: string, where = '') =>
    figure(`SELECT key, count(*) FROM (SELECT DISTINCT key, company_id FROM sets, unnest(${column}) AS key ${where}) d GROUP BY key`);
  return {
    ctes: `${text},
    -- Participations are not distinct: the raw days' rows counted, plus the whole years' sums.
    participation_stats AS (
      SELECT gender, sum(n) AS n FROM (
        SELECT gender, count(*) AS n FROM located WHERE kind <> 'trip' GROUP BY gender
        UNION ALL
        SELECT g.key, sum(g.value::int) FROM years, jsonb_each_text(years.by_gender) AS g GROUP BY g.key) s
      GROUP BY gender),
    participation_hours AS (
      SELECT (SELECT COALESCE(sum(hours), 0) FROM located WHERE kind <> 'trip') + (SELECT COALESCE(sum(hours), 0) FROM years) AS hours),
    -- The exporters, worked out per supported company for the period's last year (index probes; a
    -- single whole year keeps them on its rollup rows, singleYearFigures).
    exporter AS (
      SELECT s.company_id, x.first_year - 1 AS baseline_year, x.baseline_export AS baseline, x.latest_year, x.latest_export AS latest
        FROM supported s CROSS JOIN LATERAL (${exportFiguresOf('s.company_id', 'extract(year FROM $2::date)::int')}) x)`,
    params,
    parts,
    total: '(SELECT count(*) FROM supported)',
    bySizeClass: figure(`SELECT COALESCE(c.size_class, 'unknown'), count(*) FROM supported s LEFT JOIN company c ON c.id = s.company_id GROUP BY 1`),
    byActivityKind: companiesBy('kinds'),
    byMunicipality: companiesBy('municipalities'),
    // With a financier filter, only that financier (an activity's others are not what was asked for).
    byFinancier: companiesBy('financier_ids', filters.financier ? 'WHERE key = $3' : ''),
    attended: '(SELECT COALESCE(sum(n), 0) FROM participation_stats)',
    byGender: figure('SELECT gender, n FROM participation_stats'),
    hours: '(SELECT hours FROM participation_hours)',
    exportingLatest: '(SELECT count(*) FROM exporter WHERE latest > 0)',
    exportingBaseline: '(SELECT count(*) FROM exporter WHERE baseline > 0)',
    newExporters: '(SELECT count(*) FROM exporter WHERE baseline = 0 AND latest > 0 AND latest_year > baseline_year)',
    baselineSek: '(SELECT COALESCE(sum(baseline), 0) FROM exporter)',
    latestSek: '(SELECT COALESCE(sum(latest), 0) FROM exporter)',
  };
}

/** Every figure of the indicators report in one statement (one JSON object). */
export function indicatorsQuery(filters: IndicatorFilters): Sql {
  const single = !isFiltered(filters) && periodParts(filters.from, filters.to).single;
  const f = single ? singleYearFigures(filters) : generalFigures(filters);
  const { params, parts } = f;
  // Figures about relationships, meetings and rings are restricted to the supported companies only
  // when a filter is given (docs/reporting.md).
  const onlySupported = (column: string) => (isFiltered(filters) ? `AND ${column} IN (SELECT company_id FROM supported)` : '');
  // An instant on a day of the period (Swedish time): from the first day's midnight there to the
  // midnight after the last, as a range on the column itself, so that its index serves it (the same
  // instants as `(column AT TIME ZONE 'Europe/Stockholm')::date BETWEEN $1 AND $2`: midnight exists
  // on every Swedish day, the clocks change at 02:00 and 03:00).
  const day = (column: string) =>
    `${column} >= ($1::date::timestamp AT TIME ZONE 'Europe/Stockholm') AND ${column} < (($2::date + 1)::timestamp AT TIME ZONE 'Europe/Stockholm')`;
  return {
    params,
    text: `
    WITH ${f.ctes},
    -- Trips are few: their figures come from their own rows of the whole period.
    trip_places AS (${rawActivities(parts, 'ca.survivor_id AS company_id, ca.trip_id, ca.subsidy_sek', ['ca.trip_id IS NOT NULL'], { days: [[filters.from, filters.to]] })}),
    reached AS (
      SELECT DISTINCT ON (r.relationship_id) r.relationship_id, r.partner_country, r.target_region
        FROM relationship_change r LEFT JOIN company_merge m ON m.merged_id = r.company_id
       WHERE r.to_stage IN ('agreement', 'long-term') AND ${day('r.changed_at')}
         AND NOT EXISTS (SELECT 1 FROM relationship_change e WHERE e.relationship_id = r.relationship_id AND e.to_stage = 'ended' AND e.cause = 'merge')
         ${onlySupported('COALESCE(m.survivor_id, r.company_id)')}
       ORDER BY r.relationship_id, r.changed_at
    ),
    meetings AS (
      SELECT pm.outcome
        FROM partner_meeting pm LEFT JOIN company_merge m ON m.merged_id = pm.company_id
       WHERE ${day('pm.held_at')} AND NOT EXISTS (SELECT 1 FROM cancelled_trip ct WHERE ct.trip_id = pm.trip_id)
         ${onlySupported('COALESCE(m.survivor_id, pm.company_id)')}
    ),
    ring_members AS (
      SELECT DISTINCT COALESCE(m.survivor_id, rm.company_id) AS company_id
        FROM ring_membership rm LEFT JOIN company_merge m ON m.merged_id = rm.company_id
       WHERE COALESCE(rm.joined_on, '-infinity'::date) <= $2::date AND COALESCE(rm.left_on, 'infinity'::date) >= $1::date
         ${onlySupported('COALESCE(m.survivor_id, rm.company_id)')}
    )
    SELECT jsonb_build_object(
      'companiesSupported', jsonb_build_object(
        'total', ${f.total},
        'bySizeClass', ${f.bySizeClass},
        'byActivityKind', ${f.byActivityKind},
        'byMunicipality', ${f.byMunicipality},
        'byFinancier', ${f.byFinancier}),
      'participations', jsonb_build_object(
        'attended', ${f.attended},
        'byGender', ${f.byGender},
        'hours', ${f.hours}),
      'trips', (SELECT jsonb_build_object('completed', count(DISTINCT trip_id), 'travellingCompanies', count(DISTINCT company_id),
                                          'subsidySek', COALESCE(sum(subsidy_sek), 0))
                  FROM trip_places),
      'exporters', jsonb_build_object(
        'exportingLatest', ${f.exportingLatest},
        'exportingBaseline', ${f.exportingBaseline},
        'newExporters', ${f.newExporters},
        'exportTurnoverSek', jsonb_build_object(
          'baseline', ${f.baselineSek},
          'latest', ${f.latestSek})),
      'relationships', jsonb_build_object(
        'reached', (SELECT count(*) FROM reached),
        'byPartnerCountry', ${figure('SELECT partner_country, count(*) FROM reached GROUP BY 1')},
        'byTargetRegion', ${figure(`SELECT COALESCE(target_region, 'none'), count(*) FROM reached GROUP BY 1`)}),
      'partnerMeetings', jsonb_build_object(
        'held', (SELECT count(*) FROM meetings),
        'byOutcome', ${figure('SELECT outcome, count(*) FROM meetings GROUP BY 1')}),
      'exportRings', jsonb_build_object('companies', (SELECT count(*) FROM ring_members))
    ) AS figures`,
  };
}

/**
 * The companies behind companiesSupported, ordered by name (then id), from `offset` (all when `limit`
 * is undefined). The page is chosen first; each listed company's municipalities and kinds are then
 * read from its own rows (index probes), not from every company's.
 */
export function supportedCompaniesQuery(filters: IndicatorFilters, page?: { limit: number; offset: number }): Sql {
  const { text, params, parts } = locatedActivities(filters);
  const limits = page ? `LIMIT ${Number(page.limit)} OFFSET ${Number(page.offset)}` : '';
  return {
    params,
    text: `
    WITH ${text},
    listed AS (
      SELECT s.company_id, c.org_number, c.name, c.size_class,
             count(*) OVER () AS total,
             row_number() OVER (ORDER BY c.name NULLS LAST, s.company_id) AS position
        FROM supported s LEFT JOIN company c ON c.id = s.company_id
       ORDER BY c.name NULLS LAST, s.company_id
       ${limits})
    SELECT p.company_id, p.org_number, p.name, p.size_class, dm.municipalities, dk.activity_kinds, p.total, p.position
      FROM listed p ${companyDetails(parts)}
     ORDER BY p.position`,
  };
}

/** A listed company's municipalities and kinds in the period, from its own rows (`p.company_id`). */
function companyDetails(parts: Parts): string {
  const own = `${wholeYears(parts, SET_COLUMNS.years, 'p.company_id')} UNION ALL ${rawActivities(parts, SET_COLUMNS.raw, ['ca.survivor_id = p.company_id'])}`;
  return `
      CROSS JOIN LATERAL (SELECT array_agg(DISTINCT m ORDER BY m) AS municipalities FROM (${own}) o, unnest(o.municipalities) AS m) dm
      CROSS JOIN LATERAL (SELECT array_agg(DISTINCT k ORDER BY k) AS activity_kinds FROM (${own}) o, unnest(o.kinds) AS k) dk`;
}

/**
 * A page of the companies list among the companies with a name (they come first, by name then id):
 * walks the company table along its (name, id) index and keeps each company that has a counted
 * activity in the period (an index probe into its own rows), until the page is full, instead of
 * sorting every supported company.
 */
export function namedCompaniesPageQuery(filters: IndicatorFilters, page: { limit: number; offset: number }): Sql {
  const parts = partsOf(filters);
  const counted = `${wholeYears(parts, '1', 'c.id')} UNION ALL ${rawActivities(parts, '1', ['ca.survivor_id = c.id'])}`;
  const text = `
    WITH listed AS (
      SELECT c.id AS company_id, c.org_number, c.name, c.size_class
        FROM company c
       WHERE c.name IS NOT NULL AND EXISTS (${counted})
       ORDER BY c.name, c.id
       LIMIT ${Number(page.limit)} OFFSET ${Number(page.offset)})
    SELECT p.company_id, p.org_number, p.name, p.size_class, dm.municipalities, dk.activity_kinds
      FROM listed p ${companyDetails(parts)}
     ORDER BY p.name, p.company_id`;
  return { text, params: parts.params };
}

/**
 * The rest of the list: supported companies without a name (not registered here yet), by id, after
 * the named ones; and how many named ones come before them.
 */
export function unnamedCompaniesPageQuery(filters: IndicatorFilters, page: { limit: number; offset: number }): Sql {
  const { text, params, parts } = locatedActivities(filters);
  return {
    params,
    text: `
    WITH ${text},
    listed AS (
      SELECT s.company_id, c.org_number, c.name, c.size_class, (SELECT count(*) FROM supported n JOIN company nc ON nc.id = n.company_id WHERE nc.name IS NOT NULL) AS named
        FROM supported s LEFT JOIN company c ON c.id = s.company_id
       WHERE c.name IS NULL)
    SELECT p.company_id, p.org_number, p.name, p.size_class, dm.municipalities, dk.activity_kinds, p.named
      FROM (SELECT * FROM listed ORDER BY company_id LIMIT ${Number(page.limit)} OFFSET ${Number(page.offset)}) p ${companyDetails(parts)}
     ORDER BY p.company_id`,
  };
}

/** How many companies are behind companiesSupported (for a page beyond the end). */
export function supportedCountQuery(filters: IndicatorFilters): Sql {
  const { text, params, parts } = locatedActivities(filters);
  // A single whole year: one rollup row per company, counted in its index.
  if (parts.period.single) return { params: [], text: `SELECT count(*)::int AS total FROM (${wholeYears(parts, '1')}) y` };
  return { params, text: `WITH ${text} SELECT count(*)::int AS total FROM supported` };
}

/**
 * Copies the companies behind companiesSupported into a frozen period's rows, in the list's order and
 * in the shape the API answers (SupportedCompanyRow), as JSON text kept verbatim.
 */
export function freezeCompaniesQuery(filters: IndicatorFilters, periodId: string): Sql {
  const { text, params } = supportedCompaniesQuery(filters);
  params.push(periodId);
  return {
    params,
    text: `
    INSERT INTO frozen_period_company (period_id, position, row)
    SELECT $${params.length}::uuid, q.position,
           json_build_object('companyId', q.company_id, 'orgNumber', COALESCE(q.org_number, ''), 'name', COALESCE(q.name, '(' || q.company_id || ')'),
                             'sizeClass', q.size_class, 'municipality', array_to_string(q.municipalities, ', '), 'activityKinds', to_json(q.activity_kinds))
      FROM (${text}) q`,
  };
}
