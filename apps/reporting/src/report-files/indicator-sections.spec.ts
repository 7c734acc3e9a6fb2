import { filtersText, flattenItems, indicatorSections, orderKeys } from './indicator-sections';
import { SWEDISH_LABELS } from './labels';
import { sampleIndicators } from './test/fixtures';

describe('indicatorSections', () => {
  it('orders sections, keys and breakdowns the same way whatever the input order', () => {
    const sections = indicatorSections(sampleIndicators(), SWEDISH_LABELS);
    expect(sections.map((section) => section.key)).toEqual([
      'companiesSupported',
      'participations',
      'trips',
      'exporters',
      'relationships',
      'partnerMeetings',
      'exportRings',
    ]);
    const supported = flattenItems(sections[0].items).map((leaf) => leaf.key);
    // Size classes in their vocabulary's order, municipalities in the county's with outside-county last.
    expect(supported.filter((key) => key.startsWith('bySizeClass.'))).toEqual(['bySizeClass.micro', 'bySizeClass.small', 'bySizeClass.medium', 'bySizeClass.large']);
    expect(supported.filter((key) => key.startsWith('byMunicipality.'))).toEqual([
      'byMunicipality.Malå',
      'byMunicipality.Skellefteå',
      'byMunicipality.Umeå',
      'byMunicipality.Åsele',
      'byMunicipality.outside-county',
    ]);
  });

  it('puts keys it has no label for after the known ones, sorted by code point', () => {
    expect(orderKeys(['zeta', 'total', 'Alpha', 'bySizeClass'], ['total', 'bySizeClass'])).toEqual(['total', 'bySizeClass', 'Alpha', 'zeta']);
  });

  it('labels breakdown keys from their vocabulary and keeps unknown codes as given', () => {
    const report = sampleIndicators();
    report.participations.byGender = { woman: 1, 'prefer-not-to-say': 2 };
    const participations = indicatorSections(report, SWEDISH_LABELS).find((section) => section.key === 'participations')!;
    expect(flattenItems(participations.items)).toEqual([
      { key: 'attended', label: 'Närvarande deltaganden', value: 512 },
      { key: 'byGender.woman', label: 'Per kön: Kvinna', value: 1 },
      { key: 'byGender.prefer-not-to-say', label: 'Per kön: prefer-not-to-say', value: 2 },
      { key: 'hours', label: 'Deltagartimmar', value: 1536.5 },
    ]);
  });
});

describe('filtersText', () => {
  it('names each filter and its value, in a fixed order', () => {
    expect(filtersText({ activityKind: 'seminar', municipality: 'Umeå', financier: 'eu' }, SWEDISH_LABELS)).toBe(
      'Finansiär: EU (eu); Kommun: Umeå; Aktivitetstyp: Seminarium (seminar)',
    );
  });

  it('says when there is no filter', () => {
    expect(filtersText({}, SWEDISH_LABELS)).toBe('Inget urval (hela programmet)');
    expect(filtersText({ financier: undefined }, SWEDISH_LABELS)).toBe('Inget urval (hela programmet)');
  });
});
