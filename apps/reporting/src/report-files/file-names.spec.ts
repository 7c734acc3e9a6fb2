import { REPORT_CONTENT_TYPES, reportFileName } from './file-names';

describe('reportFileName', () => {
  it('names the indicators report by its period', () => {
    expect(reportFileName('indicators', { from: '2026-01-01', to: '2026-12-31' }, 'xlsx')).toBe('globac-indicators-2026-01-01_2026-12-31.xlsx');
  });

  it('adds the financier and the id when given', () => {
    expect(reportFileName('companies', { from: '2026-01-01', to: '2026-06-30', financier: 'region-vasterbotten' }, 'csv')).toBe(
      'globac-companies-2026-01-01_2026-06-30-region-vasterbotten.csv',
    );
    expect(reportFileName('trip', { id: '7d9f1c2e-3b4a-4c5d-8e6f-0a1b2c3d4e5f' }, 'pdf')).toBe('globac-trip-7d9f1c2e-3b4a-4c5d-8e6f-0a1b2c3d4e5f.pdf');
  });

  it('keeps only ASCII letters, digits, - and _, so Content-Disposition needs no escaping', () => {
    const name = reportFileName('period', { from: '2026-01-01', to: '2026-12-31', financier: 'Västerbotten "län"; x/../y', id: 'åäö ÅÄÖ' }, 'pdf');
    expect(name).toBe('globac-period-2026-01-01_2026-12-31-Vasterbotten-lan-x-y-aao-AAO.pdf');
    expect(name).toMatch(/^[A-Za-z0-9_.-]+$/);
  });

  it('has a content type for every format', () => {
    expect(REPORT_CONTENT_TYPES).toEqual({
      csv: 'text/csv; charset=utf-8; header=present',
      xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      pdf: 'application/pdf',
    });
  });
});
