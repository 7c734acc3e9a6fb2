import { type CompaniesTestService, outboxEvents, startCompaniesService, UNKNOWN_ID } from './support/companies-service';

const thisYear = Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Stockholm', year: 'numeric' }).format(new Date()));

describe('export figures: one row per company and year, corrections kept (real Postgres)', () => {
  let t: CompaniesTestService;

  beforeAll(async () => {
    t = await startCompaniesService();
  });
  afterAll(() => t?.close());

  const figures = (fields: object = {}) => ({ totalTurnoverSek: 42_000_000, exportTurnoverSek: 9_500_000, exportMarkets: ['NO', 'PL', 'IT'], ...fields });
  const put = (companyId: string, year: number | string, body: object, token = t.staff) => t.as(token).put(`/api/companies/${companyId}/export-figures/${year}`, body);
  const field = (res: { body: { details?: { field: string; message: string }[] } }, name: string) => res.body.details?.find((d) => d.field === name);

  it('takes the first report of a year as revision 1 and publishes it whole', async () => {
    const company = await t.registerCompany();
    const res = await put(company.id, 2025, figures({ exportMarkets: ['no', 'pl', 'it'] })).expect(201);
    expect(res.body).toEqual({
      companyId: company.id,
      year: 2025,
      totalTurnoverSek: 42_000_000,
      exportTurnoverSek: 9_500_000,
      exportMarkets: ['IT', 'NO', 'PL'],
      exporting: true,
      revision: 1,
      reportedAt: expect.any(String),
      revisions: [expect.objectContaining({ revision: 1, exportMarkets: ['IT', 'NO', 'PL'] })],
    });
    const events = await outboxEvents(t.database, 'ExportFiguresReported', (d) => d.companyId === company.id);
    expect(events.map((e) => e.data)).toEqual([
      { companyId: company.id, year: 2025, totalTurnoverSek: 42_000_000, exportTurnoverSek: 9_500_000, exportMarkets: ['IT', 'NO', 'PL'], revision: 1, reportedAt: res.body.reportedAt },
    ]);
  });

  it('keeps corrections as revisions, and takes the same figures again as no change', async () => {
    const company = await t.registerCompany();
    await put(company.id, 2024, figures()).expect(201);
    const same = await put(company.id, 2024, figures({ exportMarkets: ['PL', 'IT', 'NO'] })).expect(200);
    expect(same.body.revision).toBe(1);
    const corrected = await put(company.id, 2024, figures({ exportTurnoverSek: 10_000_000 })).expect(200);
    expect(corrected.body).toMatchObject({ revision: 2, exportTurnoverSek: 10_000_000 });
    expect(corrected.body.revisions.map((r: { revision: number; exportTurnoverSek: number }) => [r.revision, r.exportTurnoverSek])).toEqual([
      [1, 9_500_000],
      [2, 10_000_000],
    ]);
    const read = await t.as(t.staff).get(`/api/companies/${company.id}/export-figures/2024`).expect(200);
    expect(read.body).toEqual(corrected.body);
    const events = await outboxEvents(t.database, 'ExportFiguresReported', (d) => d.companyId === company.id);
    expect(events.map((e) => [e.data.revision, e.data.exportTurnoverSek])).toEqual([
      [1, 9_500_000],
      [2, 10_000_000],
    ]);
  });

  it('lists a company\'s years, latest first, paged', async () => {
    const company = await t.registerCompany();
    for (const year of [2021, 2023, 2022]) await put(company.id, year, figures()).expect(201);
    const res = await t.as(t.staff).get(`/api/companies/${company.id}/export-figures?pageSize=2`).expect(200);
    expect(res.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(res.body.items.map((i: { year: number }) => i.year)).toEqual([2023, 2022]);
  });

  it('counts a company as exporting by its latest year, for the company list', async () => {
    const company = await t.registerCompany({ name: 'Exportkoll AB' });
    const listed = async (exporting: boolean) =>
      (await t.as(t.staff).get(`/api/companies?q=Exportkoll&exporting=${exporting}`).expect(200)).body.items.map((c: { id: string }) => c.id);
    expect(await listed(false)).toEqual([company.id]);
    await put(company.id, 2023, figures()).expect(201);
    expect(await listed(true)).toEqual([company.id]);
    // A later year without export decides, however an earlier year is corrected.
    await put(company.id, 2024, figures({ exportTurnoverSek: 0, exportMarkets: [] })).expect(201);
    await put(company.id, 2023, figures({ exportTurnoverSek: 1 })).expect(200);
    expect(await listed(true)).toEqual([]);
    const read = await t.as(t.staff).get(`/api/companies/${company.id}`).expect(200);
    expect(read.body).toMatchObject({ exporting: false, latestExportYear: 2024 });
  });

  it('accepts the current year and refuses a future one or one before 2000', async () => {
    const company = await t.registerCompany();
    await put(company.id, thisYear, figures()).expect(201);
    expect(field(await put(company.id, thisYear + 1, figures()).expect(400), 'year')?.message).toContain('future');
    expect(field(await put(company.id, 1999, figures()).expect(400), 'year')?.message).toContain('2000');
    expect(field(await put(company.id, 'last-year', figures()).expect(400), 'year')).toBeDefined();
    await t.as(t.staff).get(`/api/companies/${company.id}/export-figures/${thisYear + 1}`).expect(400);
  });

  it('refuses negative, fractional and inconsistent turnover', async () => {
    const company = await t.registerCompany();
    expect(field(await put(company.id, 2025, figures({ totalTurnoverSek: -1 })).expect(400), 'totalTurnoverSek')?.message).toBe('must not be negative');
    expect(field(await put(company.id, 2025, figures({ exportTurnoverSek: -5 })).expect(400), 'exportTurnoverSek')).toBeDefined();
    expect(field(await put(company.id, 2025, figures({ totalTurnoverSek: 10.5 })).expect(400), 'totalTurnoverSek')).toBeDefined();
    const over = await put(company.id, 2025, figures({ totalTurnoverSek: 1_000, exportTurnoverSek: 1_001 })).expect(400);
    expect(field(over, 'exportTurnoverSek')?.message).toBe('must not be more than totalTurnoverSek');
    expect(field(await put(company.id, 2025, figures({ exportMarkets: [] })).expect(400), 'exportMarkets')?.message).toContain('at least one');
    expect(field(await put(company.id, 2025, figures({ exportTurnoverSek: 0 })).expect(400), 'exportMarkets')?.message).toContain('empty');
    expect(field(await put(company.id, 2025, { totalTurnoverSek: 1 }).expect(400), 'exportTurnoverSek')).toBeDefined();
    expect(await outboxEvents(t.database, 'ExportFiguresReported', (d) => d.companyId === company.id)).toEqual([]);
  });

  it.each([[['XX']], [['SWE']], [['NO', 'NO']], [['SE']], ['NO'], [[47]]])('refuses the export markets %j', async (exportMarkets) => {
    const company = await t.registerCompany();
    const res = await put(company.id, 2025, figures({ exportMarkets })).expect(400);
    expect(field(res, 'exportMarkets')).toBeDefined();
  });

  it('answers 404 for an unknown company or year, 400 for a malformed id', async () => {
    const company = await t.registerCompany();
    expect((await put(UNKNOWN_ID, 2025, figures()).expect(404)).body.error).toBe('COMPANY_NOT_FOUND');
    await t.as(t.staff).get(`/api/companies/${UNKNOWN_ID}/export-figures`).expect(404);
    const missing = await t.as(t.staff).get(`/api/companies/${company.id}/export-figures/2020`).expect(404);
    expect(missing.body).toMatchObject({ error: 'EXPORT_FIGURES_NOT_FOUND', details: { companyId: company.id, year: 2020 } });
    expect(field(await put('not-a-uuid', 2025, figures()).expect(400), 'id')?.message).toBe('must be a UUID');
    await t.as(t.staff).get('/api/companies/not-a-uuid/export-figures').expect(400);
  });

  it("lets a company report and read its own figures, not another company's; financiers neither", async () => {
    const own = await t.registerCompany();
    const other = await t.registerCompany();
    const token = await t.companyToken(own.id);
    await put(own.id, 2025, figures(), token).expect(201);
    await t.as(token).get(`/api/companies/${own.id}/export-figures`).expect(200);
    await t.as(token).get(`/api/companies/${own.id}/export-figures/2025`).expect(200);
    await put(other.id, 2025, figures(), token).expect(403);
    await t.as(token).get(`/api/companies/${other.id}/export-figures`).expect(403);
    await t.as(token).get(`/api/companies/${other.id}/export-figures/2025`).expect(403);
    await put(own.id, 2024, figures(), t.financier).expect(403);
    await t.as(t.financier).get(`/api/companies/${own.id}/export-figures`).expect(403);
  });
});
