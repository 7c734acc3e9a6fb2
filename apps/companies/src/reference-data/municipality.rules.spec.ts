import { MUNICIPALITIES } from '@globac/contracts';
import { canonicalPlaceName, isMunicipalityInput, resolveSeat, SWEDISH_COUNTIES } from './municipality.rules';

describe('where a company is: municipality and county', () => {
  it("knows Västerbotten's 15 municipalities and Sweden's 21 counties", () => {
    expect(MUNICIPALITIES).toHaveLength(15);
    expect(SWEDISH_COUNTIES).toHaveLength(21);
  });

  it('places a company in a Västerbotten municipality in the county', () => {
    expect(resolveSeat('Umeå', undefined)).toEqual({ municipality: 'Umeå', county: 'Västerbotten' });
    expect(resolveSeat('Åsele', 'Västerbotten')).toEqual({ municipality: 'Åsele', county: 'Västerbotten' });
  });

  it('refuses another county beside a Västerbotten municipality', () => {
    expect(resolveSeat('Umeå', 'Skåne')).toMatchObject({ field: 'county' });
  });

  it('needs the county of a company outside Västerbotten', () => {
    expect(resolveSeat('outside-county', 'Skåne')).toEqual({ municipality: null, county: 'Skåne' });
    expect(resolveSeat('outside-county', undefined)).toMatchObject({ field: 'county', message: expect.stringContaining('required') });
    expect(resolveSeat('outside-county', 'Lappland')).toMatchObject({ field: 'county', message: expect.stringContaining('Norrbotten') });
  });

  it('does not let a company in Västerbotten say it is outside the county', () => {
    expect(resolveSeat('outside-county', 'Västerbotten')).toMatchObject({ field: 'municipality' });
  });

  it('matches names without regard to case, and only the known ones', () => {
    expect(canonicalPlaceName('umeå')).toBe('Umeå');
    expect(canonicalPlaceName('VÄNNÄS')).toBe('Vännäs');
    expect(canonicalPlaceName('västra götaland')).toBe('Västra Götaland');
    expect(canonicalPlaceName('Umea')).toBe('Umea');
    expect(isMunicipalityInput('Umea')).toBe(false);
    expect(isMunicipalityInput('Luleå')).toBe(false); // Norrbotten, not Västerbotten
    expect(isMunicipalityInput('outside-county')).toBe(true);
  });
});
