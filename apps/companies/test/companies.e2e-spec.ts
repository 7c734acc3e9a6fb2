import { queryDatabase } from '@globac/testing';
import { type CompaniesTestService, nextOrgNumber, outboxEvents, startCompaniesService, UNKNOWN_ID } from './support/companies-service';

describe('companies: register, read, change, list (real Postgres)', () => {
  let t: CompaniesTestService;

  beforeAll(async () => {
    t = await startCompaniesService();
  });
  afterAll(() => t?.close());

  const post = (body: object, token = t.staff) => t.as(token).post('/api/companies', body);
  const valid = (fields: object = {}) => ({ orgNumber: nextOrgNumber(), name: 'Norrskog Trä AB', municipality: 'Skellefteå', ...fields });
  const problem = (body: { details?: { field: string; message: string }[] }, field: string) => body.details?.find((d) => d.field === field);

  describe('POST /api/companies', () => {
    it('registers a company, answering it with its size class and where it is', async () => {
      const res = await post({
        orgNumber: '5560360793',
        name: '  Norrskog Trä AB ',
        municipality: 'Skellefteå',
        sniCode: '16.100',
        employees: 24,
        website: 'https://norrskog.example',
        description: 'Sawmill and joinery',
      }).expect(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        orgNumber: '556036-0793',
        name: 'Norrskog Trä AB',
        municipality: 'Skellefteå',
        county: 'Västerbotten',
        sniCode: '16.100',
        employees: 24,
        sizeClass: 'small',
        website: 'https://norrskog.example',
        description: 'Sawmill and joinery',
        exporting: false,
        latestExportYear: null,
        revision: 1,
        registeredAt: expect.any(String),
        updatedAt: expect.any(String),
        municipalityHistory: [{ municipality: 'Skellefteå', county: 'Västerbotten', validFrom: res.body.registeredAt, validTo: null }],
      });
    });

    it('accepts the minimum: number, name and municipality (size class unknown without a headcount)', async () => {
      const res = await post({ orgNumber: nextOrgNumber(), name: 'Minimal AB', municipality: 'umeå' }).expect(201);
      expect(res.body).toMatchObject({ municipality: 'Umeå', sizeClass: null, employees: null, sniCode: null });
    });

    it.each([
      [9, 'micro'],
      [10, 'small'],
      [49, 'small'],
      [50, 'medium'],
      [249, 'medium'],
      [250, 'large'],
    ])('classes %i employees as %s', async (employees, sizeClass) => {
      const res = await post(valid({ employees })).expect(201);
      expect(res.body.sizeClass).toBe(sizeClass);
    });

    it('refuses a wrong check digit, naming the field and the reason', async () => {
      const res = await post(valid({ orgNumber: '556036-0794' })).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'VALIDATION_FAILED' });
      expect(problem(res.body, 'orgNumber')).toMatchObject({ rule: 'isOrgNumber', message: expect.stringContaining('check digit') });
    });

    it.each(['55603-60793', '556036-079', 'abc', '556036 0793'])('refuses the malformed number %p, saying what the form is', async (orgNumber) => {
      const res = await post(valid({ orgNumber })).expect(400);
      expect(problem(res.body, 'orgNumber')?.message).toContain('10 digits');
    });

    it("refuses a number that is not a legal entity's (a sole trader's personal identity number)", async () => {
      const res = await post(valid({ orgNumber: '811218-9876' })).expect(400);
      expect(problem(res.body, 'orgNumber')?.message).toContain('legal entity');
    });

    it('answers 409 with the existing id for a second company with the same number, in either form', async () => {
      const first = await post(valid({ orgNumber: '556074-3089' })).expect(201);
      for (const orgNumber of ['556074-3089', '5560743089']) {
        const res = await post(valid({ orgNumber, name: 'Someone Else AB' })).expect(409);
        expect(res.body).toMatchObject({ error: 'DUPLICATE_ORG_NUMBER', details: { existingId: first.body.id, orgNumber: '556074-3089' } });
      }
    });

    it('answers 409, never 500, when the same number is registered by many requests at once', async () => {
      const body = valid();
      const answers = await Promise.all(Array.from({ length: 8 }, () => post(body)));
      const statuses = answers.map((r) => r.status).sort();
      expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
      const created = answers.find((r) => r.status === 201)!.body.id;
      for (const r of answers.filter((a) => a.status === 409)) expect(r.body.details.existingId).toBe(created);
    });

    it('refuses a municipality outside Västerbotten, listing what is allowed', async () => {
      const res = await post(valid({ municipality: 'Luleå' })).expect(400);
      expect(problem(res.body, 'municipality')?.message).toContain('Vännäs');
    });

    it('takes a company outside the county only with outside-county and a Swedish county', async () => {
      const res = await post(valid({ municipality: 'outside-county', county: 'skåne' })).expect(201);
      expect(res.body).toMatchObject({ municipality: 'outside-county', county: 'Skåne' });
      expect(problem((await post(valid({ municipality: 'outside-county' })).expect(400)).body, 'county')?.message).toContain('required');
      expect(problem((await post(valid({ municipality: 'outside-county', county: 'Lapland' })).expect(400)).body, 'county')).toBeDefined();
      expect(problem((await post(valid({ municipality: 'Umeå', county: 'Skåne' })).expect(400)).body, 'county')).toBeDefined();
      expect(problem((await post(valid({ municipality: 'outside-county', county: 'Västerbotten' })).expect(400)).body, 'municipality')).toBeDefined();
    });

    it('refuses bad values and unknown fields, every one named', async () => {
      const res = await post({ orgNumber: 5560360793, name: '', municipality: 'Umeå', employees: -1, sniCode: 'sawmill', website: 'norrskog', colour: 'red' }).expect(400);
      const fields = res.body.details.map((d: { field: string }) => d.field);
      expect(fields).toEqual(expect.arrayContaining(['orgNumber', 'name', 'employees', 'sniCode', 'website', 'colour']));
      expect(problem(res.body, 'employees')?.message).toBe('must not be negative');
    });

    it('refuses text with a NUL character with 400 (Postgres cannot store it), never 500', async () => {
      const res = await post(valid({ name: 'Nul\u0000 AB' })).expect(400);
      expect(problem(res.body, 'name')?.message).toBe('must not contain NUL characters');
      const query = await t.as(t.staff).get('/api/companies?q=a%00b').expect(400);
      expect(problem(query.body, 'q')).toBeDefined();
    });

    it('is for staff: a company user or a financier gets 403', async () => {
      const company = await t.registerCompany();
      await post(valid(), await t.companyToken(company.id)).expect(403);
      await post(valid(), t.financier).expect(403);
      await t.service.http().post('/api/companies').send(valid()).expect(401);
    });
  });

  describe('GET /api/companies/:id', () => {
    it('answers 404 for an unknown id and 400 for a malformed one', async () => {
      const missing = await t.as(t.staff).get(`/api/companies/${UNKNOWN_ID}`).expect(404);
      expect(missing.body).toMatchObject({ error: 'COMPANY_NOT_FOUND', details: { id: UNKNOWN_ID } });
      const malformed = await t.as(t.staff).get('/api/companies/not-a-uuid').expect(400);
      expect(malformed.body).toMatchObject({ error: 'VALIDATION_FAILED', details: [{ field: 'id', message: 'must be a UUID' }] });
    });

    it("lets a company user read its own company, not another's, and a financier neither", async () => {
      const own = await t.registerCompany();
      const other = await t.registerCompany();
      const token = await t.companyToken(own.id);
      await t.as(token).get(`/api/companies/${own.id}`).expect(200);
      const res = await t.as(token).get(`/api/companies/${other.id}`).expect(403);
      expect(res.body.error).toBe('FORBIDDEN');
      // Not even whether an id exists is told to another company.
      await t.as(token).get(`/api/companies/${UNKNOWN_ID}`).expect(403);
      await t.as(t.financier).get(`/api/companies/${own.id}`).expect(403);
    });
  });

  describe('PATCH /api/companies/:id', () => {
    it('changes fields, counting a revision for each published change', async () => {
      const company = await t.registerCompany({ employees: 9 });
      const res = await t.as(t.staff).patch(`/api/companies/${company.id}`, { name: 'Renamed AB', employees: 10, sniCode: '46.690' }).expect(200);
      expect(res.body).toMatchObject({ name: 'Renamed AB', employees: 10, sizeClass: 'small', sniCode: '46.690', revision: 2 });
      const cleared = await t.as(t.staff).patch(`/api/companies/${company.id}`, { sniCode: null, website: null }).expect(200);
      expect(cleared.body).toMatchObject({ sniCode: null, revision: 3 });
    });

    it('does not count a change of the description alone, or no change at all, as a revision', async () => {
      const company = await t.registerCompany();
      const described = await t.as(t.staff).patch(`/api/companies/${company.id}`, { description: 'New text' }).expect(200);
      expect(described.body).toMatchObject({ description: 'New text', revision: 1 });
      const same = await t.as(t.staff).patch(`/api/companies/${company.id}`, { name: company.name }).expect(200);
      expect(same.body.revision).toBe(1);
    });

    it('keeps every municipality the company had, with the time each took effect', async () => {
      const company = await t.registerCompany({ municipality: 'Umeå' });
      // A company registered a month ago that reports, late, a move ten days ago.
      const registeredAt = new Date(Date.now() - 30 * 86_400_000).toISOString();
      await queryDatabase(t.database, 'UPDATE company_municipality_periods SET valid_from = $2 WHERE company_id = $1', [company.id, registeredAt]);
      const movedAt = new Date(Date.now() - 10 * 86_400_000).toISOString();
      const res = await t.as(t.staff).patch(`/api/companies/${company.id}`, { municipality: 'Vännäs', effectiveFrom: movedAt }).expect(200);
      expect(res.body.municipality).toBe('Vännäs');
      const out = await t.as(t.staff).patch(`/api/companies/${company.id}`, { municipality: 'outside-county', county: 'Norrbotten' }).expect(200);
      expect(out.body).toMatchObject({ municipality: 'outside-county', county: 'Norrbotten', revision: 3 });
      expect(out.body.municipalityHistory).toEqual([
        { municipality: 'Umeå', county: 'Västerbotten', validFrom: registeredAt, validTo: movedAt },
        { municipality: 'Vännäs', county: 'Västerbotten', validFrom: movedAt, validTo: expect.any(String) },
        { municipality: 'outside-county', county: 'Norrbotten', validFrom: expect.any(String), validTo: null },
      ]);
      // Moving within the other county keeps outside-county.
      const moved = await t.as(t.staff).patch(`/api/companies/${company.id}`, { county: 'Jämtland' }).expect(200);
      expect(moved.body).toMatchObject({ municipality: 'outside-county', county: 'Jämtland' });
      const periods = await queryDatabase(t.database, 'SELECT count(*)::int AS n FROM company_municipality_periods WHERE company_id = $1 AND valid_to IS NULL', [company.id]);
      expect(periods).toEqual([{ n: 1 }]);
    });

    it('refuses a move in the future or before the current municipality took effect', async () => {
      const company = await t.registerCompany();
      const future = await t.as(t.staff).patch(`/api/companies/${company.id}`, { municipality: 'Lycksele', effectiveFrom: '2999-01-01T00:00:00Z' }).expect(400);
      expect(problem(future.body, 'effectiveFrom')?.message).toContain('future');
      const early = await t.as(t.staff).patch(`/api/companies/${company.id}`, { municipality: 'Lycksele', effectiveFrom: '2001-01-01T00:00:00Z' }).expect(400);
      expect(problem(early.body, 'effectiveFrom')?.message).toContain('current municipality');
      const bad = await t.as(t.staff).patch(`/api/companies/${company.id}`, { effectiveFrom: 'yesterday' }).expect(400);
      expect(problem(bad.body, 'effectiveFrom')).toBeDefined();
    });

    it('refuses bad values: null for a required field, an unknown municipality, a bad number', async () => {
      const company = await t.registerCompany();
      const res = await t.as(t.staff).patch(`/api/companies/${company.id}`, { name: null, municipality: 'Oslo', orgNumber: '556036-0794', employees: 1.5 }).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['name', 'municipality', 'orgNumber', 'employees']));
    });

    it('lets staff change the organisation number, refusing one in use with 409', async () => {
      const company = await t.registerCompany();
      const other = await t.registerCompany();
      const fresh = nextOrgNumber();
      await t.as(t.staff).patch(`/api/companies/${company.id}`, { orgNumber: fresh.replace('-', '') }).expect(200, /"orgNumber":"\d{6}-\d{4}"/);
      const res = await t.as(t.staff).patch(`/api/companies/${company.id}`, { orgNumber: other.orgNumber }).expect(409);
      expect(res.body.details.existingId).toBe(other.id);
    });

    it("lets a company user change its own company, but not its organisation number nor another company", async () => {
      const own = await t.registerCompany();
      const other = await t.registerCompany();
      const token = await t.companyToken(own.id);
      await t.as(token).patch(`/api/companies/${own.id}`, { website: 'https://own.example' }).expect(200);
      const number = await t.as(token).patch(`/api/companies/${own.id}`, { orgNumber: nextOrgNumber() }).expect(403);
      expect(number.body.error).toBe('ORG_NUMBER_CHANGE_NOT_ALLOWED');
      await t.as(token).patch(`/api/companies/${other.id}`, { name: 'Hijacked AB' }).expect(403);
      await t.as(t.financier).patch(`/api/companies/${own.id}`, { name: 'X' }).expect(403);
    });

    it('answers 404 for an unknown company', async () => {
      const res = await t.as(t.staff).patch(`/api/companies/${UNKNOWN_ID}`, { name: 'X AB' }).expect(404);
      expect(res.body.error).toBe('COMPANY_NOT_FOUND');
    });
  });

  describe('GET /api/companies', () => {
    let ids: Record<string, string>;

    beforeAll(async () => {
      const make = async (name: string, fields: object) => (await t.registerCompany({ name, ...fields })).id;
      ids = {
        alfa: await make('Listtest Alfa AB', { municipality: 'Dorotea', employees: 5, sniCode: '10.711' }),
        beta: await make('Listtest Beta AB', { municipality: 'Dorotea', employees: 60, sniCode: '10.2' }),
        gamma: await make('Listtest Gamma 50% AB', { municipality: 'Dorotea', employees: 7, sniCode: '46.690' }),
        aring: await make('Listtest Åre AB', { municipality: 'Malå', employees: 300, sniCode: '16.100' }),
      };
    });

    const list = (query: string) => t.as(t.staff).get(`/api/companies${query}`).expect(200);
    const names = (body: { items: { name: string }[] }) => body.items.map((i) => i.name);

    it('pages with total, page and pageSize', async () => {
      const res = await list('?q=Listtest&pageSize=3&page=2');
      expect(res.body).toMatchObject({ total: 4, page: 2, pageSize: 3 });
      expect(res.body.items).toHaveLength(1);
    });

    it('sorts by name the Swedish way (Å after Z) and in reverse', async () => {
      expect(names((await list('?q=listtest')).body)).toEqual(['Listtest Alfa AB', 'Listtest Beta AB', 'Listtest Gamma 50% AB', 'Listtest Åre AB']);
      expect(names((await list('?q=listtest&sort=-name')).body)[0]).toBe('Listtest Åre AB');
      const byDate = (await list('?q=listtest&sort=-registeredAt')).body.items.map((i: { id: string }) => i.id);
      expect(byDate[0]).toBe(ids.aring);
    });

    it('filters by municipality, size class and SNI prefix together', async () => {
      expect(names((await list('?municipality=Dorotea&sizeClass=micro')).body)).toEqual(['Listtest Alfa AB', 'Listtest Gamma 50% AB']);
      expect(names((await list('?municipality=Dorotea&sni=10')).body)).toEqual(['Listtest Alfa AB', 'Listtest Beta AB']);
      expect(names((await list('?sni=10.7&q=listtest')).body)).toEqual(['Listtest Alfa AB']);
      expect((await list('?municipality=malå&sizeClass=large')).body.total).toBe(1);
    });

    it('finds by organisation number with or without the dash, and treats % as a letter', async () => {
      const company = (await t.as(t.staff).get(`/api/companies/${ids.beta}`).expect(200)).body;
      for (const q of [company.orgNumber, company.orgNumber.replace('-', ''), company.orgNumber.slice(3, 9)]) {
        expect(names((await list(`?q=${encodeURIComponent(q)}`)).body)).toContain('Listtest Beta AB');
      }
      expect(names((await list(`?q=${encodeURIComponent('50%')}`)).body)).toEqual(['Listtest Gamma 50% AB']);
    });

    it('lists companies outside the county under outside-county', async () => {
      await t.registerCompany({ name: 'Listtest Söder AB', municipality: 'outside-county', county: 'Skåne' });
      const res = await list('?municipality=outside-county&q=listtest');
      expect(res.body.items).toEqual([expect.objectContaining({ name: 'Listtest Söder AB', county: 'Skåne' })]);
    });

    it.each(['?pageSize=101', '?page=0', '?page=100000000000000000000', '?sort=size', '?municipality=Oslo', '?sizeClass=huge', '?exporting=maybe', '?sni=x', '?color=red'])(
      'refuses %s with 400',
      async (query) => {
        const res = await t.as(t.staff).get(`/api/companies${query}`).expect(400);
        expect(res.body.error).toBe('VALIDATION_FAILED');
      },
    );

    it('is for staff only', async () => {
      await t.as(await t.companyToken(ids.alfa)).get('/api/companies').expect(403);
      await t.as(t.financier).get('/api/companies').expect(403);
    });
  });

  describe('integration events (read from the outbox, written in the transaction of the change)', () => {
    const about = (companyId: string) => (data: Record<string, unknown>) => data.companyId === companyId;

    it('publishes CompanyRegistered with what consumers need and without the free-text description', async () => {
      const company = await t.registerCompany({ employees: 12, sniCode: '10.711', description: 'Run by Anna Andersson', website: 'https://a.example' });
      const [event, ...more] = await outboxEvents(t.database, 'CompanyRegistered', about(company.id));
      expect(more).toHaveLength(0);
      expect(event).toMatchObject({ type: 'CompanyRegistered', version: 1, source: 'companies', occurredOn: company.registeredAt });
      expect(event.data).toEqual({
        companyId: company.id,
        orgNumber: company.orgNumber,
        name: company.name,
        municipality: 'Umeå',
        county: 'Västerbotten',
        sizeClass: 'small',
        employees: 12,
        sniCode: '10.711',
        website: 'https://a.example',
        registeredAt: company.registeredAt,
        revision: 1,
      });
      expect(JSON.stringify(event)).not.toContain('Anna');
    });

    it('publishes CompanyUpdated with only what changed, when it takes effect and the revision', async () => {
      const company = await t.registerCompany({ employees: 3 });
      await t.as(t.staff).patch(`/api/companies/${company.id}`, { description: 'Only the text' }).expect(200);
      await t.as(t.staff).patch(`/api/companies/${company.id}`, { employees: 4 }).expect(200);
      await t.as(t.staff).patch(`/api/companies/${company.id}`, { employees: 11, municipality: 'outside-county', county: 'Skåne' }).expect(200);
      const events = await outboxEvents(t.database, 'CompanyUpdated', about(company.id));
      expect(events.map((e) => e.data)).toEqual([
        { companyId: company.id, changes: { employees: 4 }, effectiveFrom: expect.any(String), revision: 2 },
        {
          companyId: company.id,
          changes: { employees: 11, sizeClass: 'small', municipality: null, county: 'Skåne' },
          effectiveFrom: expect.any(String),
          revision: 3,
        },
      ]);
    });

    it('dates a late-reported move by effectiveFrom', async () => {
      const company = await t.registerCompany();
      await queryDatabase(t.database, "UPDATE company_municipality_periods SET valid_from = now() - interval '1 year' WHERE company_id = $1", [company.id]);
      const effectiveFrom = new Date(Date.now() - 86_400_000).toISOString();
      await t.as(t.staff).patch(`/api/companies/${company.id}`, { municipality: 'Storuman', effectiveFrom }).expect(200);
      const [event] = await outboxEvents(t.database, 'CompanyUpdated', about(company.id));
      expect(event.data).toMatchObject({ changes: { municipality: 'Storuman' }, effectiveFrom });
    });

    it('writes no event for a refused change', async () => {
      const company = await t.registerCompany();
      const other = await t.registerCompany();
      await t.as(t.staff).patch(`/api/companies/${company.id}`, { name: 'Changed AB', orgNumber: other.orgNumber }).expect(409);
      expect(await outboxEvents(t.database, 'CompanyUpdated', about(company.id))).toEqual([]);
      expect((await t.as(t.staff).get(`/api/companies/${company.id}`).expect(200)).body.name).toBe(company.name);
    });
  });

  it('describes its API in the OpenAPI document, collections as pages', async () => {
    const res = await t.service.http().get('/api/docs/openapi.json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/companies',
        '/api/companies/{id}',
        '/api/companies/{id}/merge',
        '/api/companies/{id}/contacts',
        '/api/contacts',
        '/api/contacts/{id}',
        '/api/contacts/{id}/export',
        '/api/companies/{id}/export-figures',
        '/api/companies/{id}/export-figures/{year}',
        '/api/partners',
        '/api/partners/{id}',
        '/api/reference-data/target-regions',
        '/api/companies/{id}/relationships',
        '/api/relationships/{id}',
      ]),
    );
    const list = res.body.paths['/api/companies'].get;
    expect(list.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/PageOfCompanyDto');
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['municipality', 'sizeClass', 'sni', 'exporting', 'q', 'sort']));
    expect(res.body.paths['/api/companies'].post.responses['409']).toBeDefined();
  });
});
