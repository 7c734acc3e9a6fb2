import { indicatorsQuery, locatedActivities, namedCompaniesPageQuery, periodParts, supportedCompaniesQuery } from './indicators.sql';

describe('the indicators\' SQL', () => {
  const period = { from: '2026-01-01', to: '2026-12-31' };

  it('splits a period into whole calendar years and the days around them', () => {
    expect(periodParts('2026-01-01', '2026-12-31')).toEqual({ years: { first: 2026, last: 2026 }, days: [], single: true });
    expect(periodParts('2025-07-01', '2027-03-31')).toEqual({
      years: { first: 2026, last: 2026 },
      days: [
        ['2025-07-01', '2025-12-31'],
        ['2027-01-01', '2027-03-31'],
      ],
    });
    expect(periodParts('2022-01-01', '2026-06-30')).toEqual({ years: { first: 2022, last: 2025 }, days: [['2026-01-01', '2026-06-30']] });
    // No whole year in it, or the rollup not usable (a filter): every day raw.
    expect(periodParts('2026-01-02', '2026-12-31')).toEqual({ days: [['2026-01-02', '2026-12-31']] });
    expect(periodParts('2026-02-10', '2026-02-10')).toEqual({ days: [['2026-02-10', '2026-02-10']] });
    expect(periodParts('2026-01-01', '2026-12-31', false)).toEqual({ days: [['2026-01-01', '2026-12-31']] });
  });

  it('reads a whole year without a filter from the rollup only, with the period as the only parameters', () => {
    const { text, params } = locatedActivities(period);
    expect(params).toEqual(['2026-01-01', '2026-12-31']);
    expect(text).toContain('FROM company_year_activity y WHERE y.year BETWEEN 2026 AND 2026');
    expect(text).toContain('FROM counted_activity ca WHERE ca.day BETWEEN $1::date AND $2::date AND false');
  });

  it('reads a single whole year\'s rollup rows in one scan, the company joined once, every breakdown from its groups', () => {
    const { text, params } = indicatorsQuery(period);
    expect(params).toEqual(['2026-01-01', '2026-12-31']);
    expect(text.match(/FROM company_year_activity/g)).toHaveLength(1);
    expect(text.match(/JOIN company c/g)).toHaveLength(1);
    expect(text).toContain('GROUP BY GROUPING SETS');
    // Nothing raw but the trips' own rows, and no per-company probe for the exporters.
    expect(text.match(/FROM counted_activity/g)).toHaveLength(1);
    expect(text).not.toContain('export_figures');
    // Any other period (two whole years, or a filter) makes the companies distinct instead.
    expect(indicatorsQuery({ from: '2025-01-01', to: '2026-12-31' }).text).not.toContain('GROUPING SETS');
    expect(indicatorsQuery({ ...period, financier: 'eu' }).text).not.toContain('GROUPING SETS');
  });

  it('reads the days outside whole years from the counted activities, by parameters', () => {
    const { text, params } = locatedActivities({ from: '2025-07-01', to: '2026-12-31' });
    expect(params).toEqual(['2025-07-01', '2026-12-31', '2025-07-01', '2025-12-31']);
    expect(text).toContain('y.year BETWEEN 2026 AND 2026');
    expect(text).toContain('ca.day BETWEEN $3::date AND $4::date');
  });

  it('reads every day of a filtered period from the counted activities, never the rollup', () => {
    const trip = locatedActivities({ ...period, activityKind: 'trip' });
    expect(trip.params).toEqual(['2026-01-01', '2026-12-31', 'trip']);
    expect(trip.text).toContain('ca.day BETWEEN $1::date AND $2::date AND ca.kind = $3');
    expect(trip.text).toContain('FROM company_year_activity y WHERE false');
  });

  it('passes every filter as a parameter, never as text', () => {
    const hostile = "eu'; DROP TABLE company; --";
    const { text, params } = indicatorsQuery({ ...period, financier: hostile, municipality: 'Umeå', activityKind: 'seminar' });
    expect(text).not.toContain(hostile);
    expect(params).toEqual(['2026-01-01', '2026-12-31', hostile, 'seminar', 'Umeå']);
    expect(text).toContain('ca.financier_ids @> ARRAY[$3::text] AND ca.kind = $4 AND ca.municipality = $5');
    // The financier breakdown keeps only the filtered financier, by its parameter.
    expect(text).toContain('WHERE key = $3');
    // With a filter, relationships, meetings and rings are restricted to the supported companies.
    expect(text.match(/IN \(SELECT company_id FROM supported\)/g)?.length).toBeGreaterThanOrEqual(3);
  });

  it('does not restrict relationships, meetings and rings without a filter', () => {
    const { text } = indicatorsQuery(period);
    expect(text).not.toContain('AND COALESCE(m.survivor_id, r.company_id) IN (SELECT company_id FROM supported)');
  });

  it('pages the companies list by whole numbers only', () => {
    const { text } = supportedCompaniesQuery(period, { limit: 20, offset: 40 });
    expect(text).toContain('LIMIT 20 OFFSET 40');
    expect(supportedCompaniesQuery(period).text).not.toContain('LIMIT');
    expect(namedCompaniesPageQuery(period, { limit: 20, offset: 40 }).text).toContain('LIMIT 20 OFFSET 40');
  });

  it('walks the named companies in name order, keeping those with a counted activity by the same filters', () => {
    const { text, params } = namedCompaniesPageQuery({ ...period, municipality: 'Umeå' }, { limit: 20, offset: 0 });
    expect(params).toEqual(['2026-01-01', '2026-12-31', 'Umeå']);
    expect(text).toContain('ORDER BY c.name, c.id');
    expect(text).toContain('ca.survivor_id = c.id AND ca.municipality = $3');
  });
});
