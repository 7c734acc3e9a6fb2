// The dashboard's period and filters live in the address (bookmarkable, shareable); the default period
// is this calendar year in Swedish time, as the service counts days.
import type { ActivityKind, IndicatorsQuery, Municipality } from './api/reports';
import { ACTIVITY_KINDS, MUNICIPALITIES } from './vocabulary';

/** Today's date (YYYY-MM-DD) in Swedish time. */
export function swedishToday(now = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function thisYear(now = new Date()): { from: string; to: string } {
  const year = swedishToday(now).slice(0, 4);
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The indicators query of an address; unknown filter values are dropped rather than sent (the service would 400). */
export function indicatorsQueryOf(params: URLSearchParams): IndicatorsQuery {
  const year = thisYear();
  const from = params.get('from');
  const to = params.get('to');
  const municipality = params.get('municipality');
  const activityKind = params.get('activityKind');
  return {
    from: from && DATE.test(from) ? from : year.from,
    to: to && DATE.test(to) ? to : year.to,
    financier: params.get('financier') || undefined,
    municipality: (MUNICIPALITIES as readonly string[]).includes(municipality ?? '') ? (municipality as Municipality) : undefined,
    activityKind: (ACTIVITY_KINDS as readonly string[]).includes(activityKind ?? '') ? (activityKind as ActivityKind) : undefined,
  };
}

/** The address query of an indicators query (with extra keys, e.g. a bar's filter or a page). */
export function searchOf(query: IndicatorsQuery, extra: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...query, ...extra })) if (v !== undefined && v !== '') params.set(k, String(v));
  return params.toString();
}
