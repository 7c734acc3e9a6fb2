import { exportFiguresProblems, isExporting, latestReportableYear, sameFigures } from './export-figures.rules';

describe('export figures rules', () => {
  const valid = { totalTurnoverSek: 10_000_000, exportTurnoverSek: 2_500_000, exportMarkets: ['NO', 'PL'] };

  it('accepts consistent figures, and a company that did not export', () => {
    expect(exportFiguresProblems(valid)).toEqual([]);
    expect(exportFiguresProblems({ totalTurnoverSek: 1, exportTurnoverSek: 0, exportMarkets: [] })).toEqual([]);
    expect(exportFiguresProblems({ totalTurnoverSek: 5, exportTurnoverSek: 5, exportMarkets: ['FI'] })).toEqual([]);
  });

  it('refuses export turnover above the total', () => {
    expect(exportFiguresProblems({ ...valid, exportTurnoverSek: 10_000_001 })).toEqual([expect.objectContaining({ field: 'exportTurnoverSek', rule: 'exportWithinTotal' })]);
  });

  it('asks for markets when exporting, none when not, and never Sweden', () => {
    expect(exportFiguresProblems({ ...valid, exportMarkets: [] })[0]).toMatchObject({ rule: 'marketsWhenExporting' });
    expect(exportFiguresProblems({ ...valid, exportTurnoverSek: 0 })[0]).toMatchObject({ rule: 'noMarketsWithoutExport' });
    expect(exportFiguresProblems({ ...valid, exportMarkets: ['SE', 'NO'] })[0]).toMatchObject({ rule: 'notHomeMarket' });
  });

  it('counts a company as exporting when export turnover is above zero', () => {
    expect(isExporting({ exportTurnoverSek: 1 })).toBe(true);
    expect(isExporting({ exportTurnoverSek: 0 })).toBe(false);
  });

  it('takes the current year in Sweden as the latest reportable one', () => {
    expect(latestReportableYear(new Date('2026-12-31T22:59:59Z'))).toBe(2026);
    // Midnight in Stockholm (CET, UTC+1) comes an hour before midnight UTC.
    expect(latestReportableYear(new Date('2026-12-31T23:00:00Z'))).toBe(2027);
  });

  it('sees the same figures whatever the order of the markets', () => {
    expect(sameFigures(valid, { ...valid, exportMarkets: ['PL', 'NO'] })).toBe(true);
    expect(sameFigures(valid, { ...valid, exportMarkets: ['PL'] })).toBe(false);
    expect(sameFigures(valid, { ...valid, totalTurnoverSek: 1 + valid.totalTurnoverSek })).toBe(false);
  });
});
