// RFC 4180 CSV: comma-separated, CRLF line ends, a field quoted when it holds a comma, a quote or a
// line break, quotes doubled. Text fields that a spreadsheet would run as a formula get a leading
// apostrophe (OWASP's advice on CSV injection): a company named `=HYPERLINK(...)` stays text.

export type CsvValue = string | number | null | undefined;

export const CSV_BOM = '\uFEFF';
export const CSV_LINE_END = '\r\n';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** A text cell that starts like a formula gets a leading `'`; numbers are never touched. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  // Numbers are written as JavaScript prints them: '.' decimals, no grouping, so any program reads them.
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = neutraliseFormula(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly CsvValue[]): string {
  return values.map(csvField).join(',') + CSV_LINE_END;
}
