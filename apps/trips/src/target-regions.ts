/**
 * The programme's target regions, as the companies service's reference data has them
 * (GET /api/reference-data/target-regions there): code and country. No integration event carries
 * them (they change by migration there, rarely), so this service keeps the same list in code; a new
 * region is added in both places. A destination's or partner's target region must lie in its country.
 */
export const TARGET_REGION_COUNTRIES: Readonly<Record<string, string>> = {
  poznan: 'PL',
  novara: 'IT',
  xian: 'CN',
  maharashtra: 'IN',
  karnataka: 'IN',
  'ile-de-france': 'FR',
  'auvergne-rhone-alpes': 'FR',
};

export const TARGET_REGIONS = Object.keys(TARGET_REGION_COUNTRIES);
