// Which years' export figures the programme asks a company for. The issue says only "the yearly export
// figures the programme asks them for"; export growth (an indicator) needs a baseline, so the programme
// asks for the year before the company joined and every full year since, at most five years back (a
// company that joined long ago is not asked for figures nobody follows up any more). The current year is
// not asked for: it is not over. The service takes any year from 2000 on; this only guides the user.
export const MAX_YEARS_BACK = 5;

/** The years asked for, newest first. `registeredAt` is ISO 8601; `now` for tests. */
export function expectedYears(registeredAt: string, now = new Date()): number[] {
  const lastFullYear = now.getFullYear() - 1;
  const baseline = Math.max(new Date(registeredAt).getFullYear() - 1, lastFullYear - MAX_YEARS_BACK + 1, 2000);
  const years: number[] = [];
  for (let y = lastFullYear; y >= baseline; y--) years.push(y);
  return years;
}

/** The asked-for years without figures, newest first. */
export function missingYears(registeredAt: string, reported: readonly number[], now = new Date()): number[] {
  const have = new Set(reported);
  return expectedYears(registeredAt, now).filter((y) => !have.has(y));
}
