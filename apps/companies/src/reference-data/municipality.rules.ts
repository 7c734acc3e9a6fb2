import { MUNICIPALITIES, type Municipality } from '@globac/contracts';

/** The value of `municipality` for a company whose seat is outside Västerbotten (then `county` names where). */
export const OUTSIDE_COUNTY = 'outside-county';
export const HOME_COUNTY = 'Västerbotten';

/** Sweden's 21 counties (län), by the names people use, for companies registered outside Västerbotten. */
export const SWEDISH_COUNTIES = [
  'Blekinge',
  'Dalarna',
  'Gotland',
  'Gävleborg',
  'Halland',
  'Jämtland',
  'Jönköping',
  'Kalmar',
  'Kronoberg',
  'Norrbotten',
  'Skåne',
  'Stockholm',
  'Södermanland',
  'Uppsala',
  'Värmland',
  'Västerbotten',
  'Västernorrland',
  'Västmanland',
  'Västra Götaland',
  'Örebro',
  'Östergötland',
] as const;

export type MunicipalityInput = Municipality | typeof OUTSIDE_COUNTY;
export const MUNICIPALITY_INPUTS: readonly MunicipalityInput[] = [...MUNICIPALITIES, OUTSIDE_COUNTY];

/** Where a company's seat is: a municipality of Västerbotten, or another county. */
export interface Seat {
  /** The Västerbotten municipality, or null outside the county. */
  readonly municipality: Municipality | null;
  readonly county: string;
}

export type SeatProblem = { readonly field: 'municipality' | 'county'; readonly message: string };

const fold = (s: string) => s.normalize('NFC').toLocaleLowerCase('sv-SE');
const byFolded = new Map<string, string>([...MUNICIPALITY_INPUTS, ...SWEDISH_COUNTIES].map((name) => [fold(name), name]));

/** `umeå` → `Umeå`, `SKÅNE` → `Skåne`: names are matched without regard to case; anything else is kept as given. */
export function canonicalPlaceName(value: unknown): unknown {
  return typeof value === 'string' ? (byFolded.get(fold(value.trim())) ?? value) : value;
}

export function isMunicipalityInput(value: unknown): value is MunicipalityInput {
  return typeof value === 'string' && (MUNICIPALITY_INPUTS as readonly string[]).includes(value);
}

/**
 * A company in Västerbotten names one of its 15 municipalities (its county is Västerbotten, and a
 * county given with it must say so); a company outside names `outside-county` and the county it is in.
 */
export function resolveSeat(municipality: MunicipalityInput, county: string | null | undefined): Seat | SeatProblem {
  if (municipality !== OUTSIDE_COUNTY) {
    if (county !== undefined && county !== null && county !== HOME_COUNTY) {
      return { field: 'county', message: `must be ${HOME_COUNTY} (or be left out) for a company in ${municipality}` };
    }
    return { municipality, county: HOME_COUNTY };
  }
  if (county === undefined || county === null) {
    return { field: 'county', message: `is required when municipality is ${OUTSIDE_COUNTY}: name the Swedish county the company is in` };
  }
  if (county === HOME_COUNTY) {
    return { field: 'municipality', message: `must be one of Västerbotten's municipalities for a company in ${HOME_COUNTY}` };
  }
  if (!(SWEDISH_COUNTIES as readonly string[]).includes(county)) {
    return { field: 'county', message: `must be one of Sweden's counties: ${SWEDISH_COUNTIES.join(', ')}` };
  }
  return { municipality: null, county };
}

export function isSeatProblem(result: Seat | SeatProblem): result is SeatProblem {
  return 'field' in result;
}
