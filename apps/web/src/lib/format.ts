// Dates and numbers as the user's language writes them; Swedish (sv-SE) first. Times are shown in
// Swedish time whatever the device's zone: the programme's events happen in Sweden.
import { useTranslation } from 'react-i18next';

export const TIME_ZONE = 'Europe/Stockholm';

export function localeOf(language: string): string {
  return language.startsWith('en') ? 'en-GB' : 'sv-SE';
}

export function formatDateTime(iso: string | null | undefined, language = 'sv'): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE }).format(new Date(iso));
}

export function formatDate(iso: string | null | undefined, language = 'sv'): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'medium', timeZone: TIME_ZONE }).format(new Date(iso));
}

export function formatNumber(value: number | null | undefined, language = 'sv'): string {
  if (value === null || value === undefined) return '';
  return new Intl.NumberFormat(localeOf(language)).format(value);
}

export function formatSek(value: number | null | undefined, language = 'sv'): string {
  if (value === null || value === undefined) return '';
  return new Intl.NumberFormat(localeOf(language), { style: 'currency', currency: 'SEK', maximumFractionDigits: 0 }).format(value);
}

/** The formatters bound to the current language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return {
    dateTime: (iso: string | null | undefined) => formatDateTime(iso, lang),
    date: (iso: string | null | undefined) => formatDate(iso, lang),
    number: (v: number | null | undefined) => formatNumber(v, lang),
    sek: (v: number | null | undefined) => formatSek(v, lang),
  };
}

/** `<input type="datetime-local">` value ↔ ISO 8601 with a zone (the services refuse times without one). */
export function localInputToIso(value: string): string {
  return value ? new Date(value).toISOString() : '';
}

export function isoToLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
