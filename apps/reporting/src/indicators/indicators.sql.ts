// The indicators in SQL over the read models. One builder makes the common part (the counted
// activities of a period, under their surviving company and with the municipality of their day) so
// that the figures, the companies list and the downloads count exactly the same thing.

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

/**
 * `located`: one row per counted activity of the period — an attended, current participation in a
 * programme event that is not cancelled, or a place on a trip's current completion record (trip not
 * cancelled) — with the surviving company, the kind (an event kind or `trip`), the day, the
 * financiers and the company's municipality at the start of that day in Swedish time.
 */
export function locatedActivities(filters: IndicatorFilters): Sql {
  const params: unknown[] = [filters.from, filters.to];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const eventWhere: string[] = [];
  const tripWhere: string[] = [];
  if (filters.financier) {
    const p = param(filters.financier);
    eventWhere.push(`a.financier_ids @> ARRAY[${p}::text]`);
    tripWhere.push(`c.financier_ids @> ARRAY[${p}::text]`);
  }
  let includeEvents = true;
  let includeTrips = true;
  if (filters.activityKind === 'trip') includeEvents = false;
  else if (filters.activityKind) {
    includeTrips = false;
    eventWhere.push(`a.event_kind = ${param(filters.activityKind)}`);
  }
  const parts: string[] = [];
  if (includeEvents) {
    parts.push(`
      SELECT COALESCE(m.survivor_id, a.company_id) AS company_id, a.event_kind AS kind, a.event_date AS day, a.financier_ids,
             a.gender, a.hours, NULL::uuid AS trip_id, NULL::bigint AS subsidy_sek
        FROM attendance_record a
        LEFT JOIN company_merge m ON m.merged_id = a.company_id
       WHERE a.current AND a.attended AND a.event_date BETWEEN $1::date AND $2::date
         AND NOT EXISTS (SELECT 1 FROM cancelled_event ce WHERE ce.event_id = a.event_id)
         ${eventWhere.map((w) => `AND ${w}`).join(' ')}`);
  }
  if (includeTrips) {
    parts.push(`
      SELECT COALESCE(m.survivor_id, t.company_id) AS company_id, 'trip'::text AS kind, c.starts_on AS day, c.financier_ids,
             NULL::text AS gender, NULL::numeric AS hours, c.trip_id, t.subsidy_sek
        FROM trip_completion c
        JOIN trip_traveller t ON t.fact_id = c.fact_id
        LEFT JOIN company_merge m ON m.merged_id = t.company_id
       WHERE c.current AND c.starts_on BETWEEN $1::date AND $2::date
         AND NOT EXISTS (SELECT 1 FROM cancelled_trip ct WHERE ct.trip_id = c.trip_id)
         ${tripWhere.map((w) => `AND ${w}`).join(' ')}`);
  }
  const municipality = `CASE WHEN cm.company_id IS NULL THEN 'unknown' ELSE COALESCE(cm.municipality, 'outside-county') END`;
  const text = `
    activity AS (${parts.join(' UNION ALL ')}),
    located AS MATERIALIZED (
      SELECT activity.*, ${municipality} AS municipality
        FROM activity
        LEFT JOIN company_municipality cm ON cm.company_id = activity.company_id
         AND cm.span_from <= (activity.day::timestamp AT TIME ZONE 'Europe/Stockholm')
         AND cm.span_to > (activity.day::timestamp AT TIME ZONE 'Europe/Stockholm')
       ${filters.municipality ? `WHERE ${municipality} = ${param(filters.municipality)}` : ''}
    ),
    -- Each (company, kind, municipality) once: the breakdowns and the supported set read this, not every activity.
    pairs AS MATERIALIZED (SELECT DISTINCT company_id, kind, municipality FROM located),
    supported AS MATERIALIZED (SELECT DISTINCT company_id FROM pairs)`;
  return { text, params };
}

const isFiltered = (f: IndicatorFilters) => Boolean(f.financier || f.municipality || f.activityKind);

/** Every figure of the indicators report in one statement (one JSON object). */
export function indicatorsQuery(filters: IndicatorFilters): Sql {
  const { text, params } = locatedActivities(filters);
  // Figures about relationships, meetings and rings are restricted to the supported companies only
  // when a filter is given (docs/reporting.md).
  const onlySupported = (column: string) => (isFiltered(filters) ? `AND ${column} IN (SELECT company_id FROM supported)` : '');
  const figure = (from: string) => `(SELECT COALESCE(jsonb_object_agg(k, n), '{}'::jsonb) FROM (${from}) f(k, n))`;
  const day = (column: string) => `(${column} AT TIME ZONE 'Europe/Stockholm')::date BETWEEN $1::date AND $2::date`;
  return {
    params,
    text: `
    WITH ${text},
    participation_stats AS (SELECT gender, count(*) AS n, sum(hours) AS hours FROM located WHERE kind <> 'trip' GROUP BY gender),
    -- Each supported company's first counted activity ever (kept per company by the projections),
    -- the earliest of its own and of the duplicates merged into it.
    first_activity AS (
      SELECT o.company_id, min(f.first_day) AS first_day
        FROM (SELECT company_id, company_id AS source FROM supported
              UNION ALL
              SELECT m.survivor_id, m.merged_id FROM company_merge m WHERE m.survivor_id IN (SELECT company_id FROM supported)) o
        JOIN company_first_activity f ON f.company_id = o.source
       WHERE f.first_day IS NOT NULL
       GROUP BY o.company_id
    ),
    -- A company's figures of a year: its own, else those of a duplicate merged into it (the
    -- survivor's stand where both reported). Index probes per supported company, not a scan of all.
    exporter_years AS (
      SELECT fa.company_id, extract(year FROM fa.first_day)::int - 1 AS baseline_year FROM first_activity fa
    ),
    exporter AS (
      SELECT e.company_id, e.baseline_year, COALESCE(bo.export_turnover_sek, bd.export_turnover_sek) AS baseline,
             CASE WHEN ld.year IS NULL OR lo.year >= ld.year THEN lo.year ELSE ld.year END AS latest_year,
             CASE WHEN ld.year IS NULL OR lo.year >= ld.year THEN lo.export_turnover_sek ELSE ld.export_turnover_sek END AS latest
        FROM exporter_years e
        LEFT JOIN export_figures bo ON bo.company_id = e.company_id AND bo.year = e.baseline_year
        LEFT JOIN LATERAL (
          SELECT f.export_turnover_sek FROM company_merge m JOIN export_figures f ON f.company_id = m.merged_id AND f.year = e.baseline_year
           WHERE m.survivor_id = e.company_id ORDER BY f.reported_at DESC LIMIT 1) bd ON true
        LEFT JOIN LATERAL (
          SELECT f.year, f.export_turnover_sek FROM export_figures f
           WHERE f.company_id = e.company_id AND f.year <= extract(year FROM $2::date)::int ORDER BY f.year DESC LIMIT 1) lo ON true
        LEFT JOIN LATERAL (
          SELECT f.year, f.export_turnover_sek FROM company_merge m JOIN export_figures f ON f.company_id = m.merged_id
           WHERE m.survivor_id = e.company_id AND f.year <= extract(year FROM $2::date)::int ORDER BY f.year DESC, f.reported_at DESC LIMIT 1) ld ON true
    ),
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
        'total', (SELECT count(*) FROM supported),
        'bySizeClass', ${figure(`SELECT COALESCE(c.size_class, 'unknown'), count(*) FROM supported s LEFT JOIN company c ON c.id = s.company_id GROUP BY 1`)},
        -- Distinct (key, company) pairs first, then counted: two hash aggregations, where
        -- count(DISTINCT) would sort every row of the period once per breakdown.
        'byActivityKind', ${figure('SELECT kind, count(*) FROM (SELECT DISTINCT kind, company_id FROM pairs) d GROUP BY kind')},
        'byMunicipality', ${figure('SELECT municipality, count(*) FROM (SELECT DISTINCT municipality, company_id FROM pairs) d GROUP BY municipality')},
        'byFinancier', ${figure(`SELECT fin, count(*) FROM (SELECT DISTINCT fin, company_id FROM located, unnest(financier_ids) AS fin
                                  ${filters.financier ? 'WHERE fin = $3' : ''}) d GROUP BY fin`)}),
      'participations', jsonb_build_object(
        'attended', (SELECT COALESCE(sum(n), 0) FROM participation_stats),
        'byGender', ${figure('SELECT gender, n FROM participation_stats')},
        'hours', (SELECT COALESCE(sum(hours), 0) FROM participation_stats)),
      'trips', (SELECT jsonb_build_object('completed', count(DISTINCT trip_id), 'travellingCompanies', count(DISTINCT company_id),
                                          'subsidySek', COALESCE(sum(subsidy_sek), 0))
                  FROM located WHERE kind = 'trip'),
      'exporters', jsonb_build_object(
        'exportingLatest', (SELECT count(*) FROM exporter WHERE latest > 0),
        'exportingBaseline', (SELECT count(*) FROM exporter WHERE baseline > 0),
        'newExporters', (SELECT count(*) FROM exporter WHERE baseline = 0 AND latest > 0 AND latest_year > baseline_year),
        'exportTurnoverSek', jsonb_build_object(
          'baseline', (SELECT COALESCE(sum(baseline), 0) FROM exporter),
          'latest', (SELECT COALESCE(sum(latest), 0) FROM exporter))),
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

/** The companies behind companiesSupported, ordered by name (then id), from `offset` (all when `limit` is undefined). */
export function supportedCompaniesQuery(filters: IndicatorFilters, page?: { limit: number; offset: number }): Sql {
  const { text, params } = locatedActivities(filters);
  const limits = page ? `LIMIT ${Number(page.limit)} OFFSET ${Number(page.offset)}` : '';
  return {
    params,
    text: `
    WITH ${text}
    SELECT l.company_id, c.org_number, c.name, c.size_class,
           array_agg(DISTINCT l.municipality ORDER BY l.municipality) AS municipalities,
           array_agg(DISTINCT l.kind ORDER BY l.kind) AS activity_kinds,
           count(*) OVER () AS total,
           row_number() OVER (ORDER BY c.name NULLS LAST, l.company_id) AS position
      FROM pairs l LEFT JOIN company c ON c.id = l.company_id
     GROUP BY l.company_id, c.org_number, c.name, c.size_class
     ORDER BY c.name NULLS LAST, l.company_id
     ${limits}`,
  };
}

/** How many companies are behind companiesSupported (for a page beyond the end). */
export function supportedCountQuery(filters: IndicatorFilters): Sql {
  const { text, params } = locatedActivities(filters);
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
