import { indicatorsQuery, locatedActivities, supportedCompaniesQuery } from './indicators.sql';

describe('the indicators\' SQL', () => {
  const period = { from: '2026-01-01', to: '2026-12-31' };

  it('counts events and trips without a filter, with the period as the only parameters', () => {
    const { text, params } = locatedActivities(period);
    expect(params).toEqual(['2026-01-01', '2026-12-31']);
    expect(text).toContain('FROM attendance_record a');
    expect(text).toContain('FROM trip_completion c');
    expect(text).not.toMatch(/\$3/);
  });

  it('leaves the events out for activityKind=trip, and the trips out for an event kind', () => {
    expect(locatedActivities({ ...period, activityKind: 'trip' }).text).not.toContain('FROM attendance_record a');
    const seminar = locatedActivities({ ...period, activityKind: 'seminar' });
    expect(seminar.text).not.toContain('FROM trip_completion c');
    expect(seminar.params).toEqual(['2026-01-01', '2026-12-31', 'seminar']);
    expect(seminar.text).toContain('a.event_kind = $3');
  });

  it('passes every filter as a parameter, never as text', () => {
    const hostile = "eu'; DROP TABLE company; --";
    const { text, params } = indicatorsQuery({ ...period, financier: hostile, municipality: 'Umeå', activityKind: 'seminar' });
    expect(text).not.toContain(hostile);
    expect(params).toEqual(['2026-01-01', '2026-12-31', hostile, 'seminar', 'Umeå']);
    // The financier breakdown keeps only the filtered financier, by its parameter.
    expect(text).toContain('WHERE fin = $3');
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
  });
});
