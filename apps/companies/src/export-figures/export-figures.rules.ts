/** The first year figures can be reported for: the programme's records start in the 2000s. */
export const FIRST_EXPORT_YEAR = 2000;

const stockholmYear = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Stockholm', year: 'numeric' });

/**
 * Figures can be reported for the current year (year to date) but not for a future one; the year
 * turns at midnight in Sweden, not in UTC.
 */
export function latestReportableYear(now = new Date()): number {
  return Number(stockholmYear.format(now));
}

export interface ExportFiguresInput {
  readonly totalTurnoverSek: number;
  readonly exportTurnoverSek: number;
  readonly exportMarkets: readonly string[];
}

export interface FiguresProblem {
  readonly field: keyof ExportFiguresInput;
  readonly rule: string;
  readonly message: string;
}

/**
 * The rules across the fields of one year's figures: export turnover is part of total turnover; a
 * company exporting names where to, one not exporting names nowhere; Sweden is the home market.
 */
export function exportFiguresProblems(input: ExportFiguresInput): FiguresProblem[] {
  const problems: FiguresProblem[] = [];
  if (input.exportTurnoverSek > input.totalTurnoverSek) {
    problems.push({ field: 'exportTurnoverSek', rule: 'exportWithinTotal', message: 'must not be more than totalTurnoverSek' });
  }
  if (input.exportMarkets.includes('SE')) {
    problems.push({ field: 'exportMarkets', rule: 'notHomeMarket', message: 'must not include SE: Sweden is the home market' });
  }
  if (input.exportTurnoverSek > 0 && input.exportMarkets.length === 0) {
    problems.push({ field: 'exportMarkets', rule: 'marketsWhenExporting', message: 'must name at least one country when exportTurnoverSek is above 0' });
  }
  if (input.exportTurnoverSek === 0 && input.exportMarkets.length > 0) {
    problems.push({ field: 'exportMarkets', rule: 'noMarketsWithoutExport', message: 'must be empty when exportTurnoverSek is 0' });
  }
  return problems;
}

/** A company counts as exporting in a year when its export turnover that year is above zero. */
export function isExporting(figures: Pick<ExportFiguresInput, 'exportTurnoverSek'>): boolean {
  return figures.exportTurnoverSek > 0;
}

/** Whether a report says the same as the figures standing (then it is no correction and no new revision). */
export function sameFigures(a: ExportFiguresInput, b: ExportFiguresInput): boolean {
  return (
    a.totalTurnoverSek === b.totalTurnoverSek &&
    a.exportTurnoverSek === b.exportTurnoverSek &&
    a.exportMarkets.length === b.exportMarkets.length &&
    [...a.exportMarkets].sort().every((m, i) => m === [...b.exportMarkets].sort()[i])
  );
}
