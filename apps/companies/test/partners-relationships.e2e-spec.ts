import { type CompaniesTestService, outboxEvents, startCompaniesService, UNKNOWN_ID } from './support/companies-service';

describe('partners abroad, target regions and relationships (real Postgres)', () => {
  let t: CompaniesTestService;
  let serial = 0;

  beforeAll(async () => {
    t = await startCompaniesService();
  });
  afterAll(() => t?.close());

  const field = (res: { body: { details?: { field: string; message: string }[] } }, name: string) => res.body.details?.find((d) => d.field === name);
  const createPartner = async (fields: object = {}) => {
    serial += 1;
    const res = await t.as(t.staff).post('/api/partners', { name: `Partner ${serial} Sp. z o.o.`, countryCode: 'PL', targetRegion: 'poznan', ...fields });
    if (res.status !== 201) throw new Error(`creating a partner answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body as { id: string; name: string };
  };

  describe('reference data', () => {
    it("serves the programme's target regions, each with its country", async () => {
      const res = await t.as(t.staff).get('/api/reference-data/target-regions').expect(200);
      const byCode = Object.fromEntries(res.body.map((r: { code: string; countryCode: string }) => [r.code, r.countryCode]));
      expect(byCode).toMatchObject({ poznan: 'PL', novara: 'IT', xian: 'CN' });
      expect(Object.values(byCode)).toEqual(expect.arrayContaining(['IN', 'FR']));
      expect(res.body[0]).toEqual({ code: expect.any(String), name: expect.any(String), countryCode: expect.any(String), description: expect.any(String) });
    });

    it('serves the municipalities and counties, to company users too but not to financiers', async () => {
      const company = await t.registerCompany();
      const res = await t.as(await t.companyToken(company.id)).get('/api/reference-data/places').expect(200);
      expect(res.body.municipalities).toHaveLength(15);
      expect(res.body.counties).toHaveLength(21);
      expect(res.body.outsideCounty).toBe('outside-county');
      await t.as(t.financier).get('/api/reference-data/target-regions').expect(403);
    });
  });

  describe('partners', () => {
    it('registers a partner abroad, in a target region of its country', async () => {
      const res = await t.as(t.staff).post('/api/partners', {
        name: 'Wielkopolska Food Import Sp. z o.o.',
        countryCode: 'pl',
        regionOrCity: 'Poznań',
        sector: 'Food wholesale',
        website: 'https://wfi.example.pl',
        targetRegion: 'poznan',
      }).expect(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        name: 'Wielkopolska Food Import Sp. z o.o.',
        countryCode: 'PL',
        regionOrCity: 'Poznań',
        sector: 'Food wholesale',
        website: 'https://wfi.example.pl',
        targetRegion: 'poznan',
        createdAt: expect.any(String),
      });
      await t.as(t.staff).get(`/api/partners/${res.body.id}`).expect(200, res.body);
    });

    it('registers a partner outside any target region', async () => {
      const res = await t.as(t.staff).post('/api/partners', { name: 'Oslo Trelast AS', countryCode: 'NO' }).expect(201);
      expect(res.body).toMatchObject({ targetRegion: null, regionOrCity: null });
    });

    it('answers 409 with the existing id for the same name in the same country, whatever the case', async () => {
      const first = await createPartner({ name: 'Duplikat Sp. z o.o.' });
      const res = await t.as(t.staff).post('/api/partners', { name: 'DUPLIKAT sp. z o.o.', countryCode: 'PL' }).expect(409);
      expect(res.body).toMatchObject({ error: 'DUPLICATE_PARTNER', details: { existingId: first.id } });
      await t.as(t.staff).post('/api/partners', { name: 'Duplikat Sp. z o.o.', countryCode: 'DE' }).expect(201);
    });

    it.each([
      [{ countryCode: 'XX' }, 'countryCode'],
      [{ countryCode: 'POL' }, 'countryCode'],
      [{ countryCode: 'SE' }, 'countryCode'],
      [{ targetRegion: 'atlantis' }, 'targetRegion'],
      [{ targetRegion: 'novara' }, 'targetRegion'],
      [{ targetRegion: 'Poznań' }, 'targetRegion'],
      [{ name: '' }, 'name'],
      [{ website: 'wfi.pl' }, 'website'],
    ])('refuses %j, naming %s', async (fields, name) => {
      const res = await t.as(t.staff).post('/api/partners', { name: `Felaktig ${++serial}`, countryCode: 'PL', ...fields }).expect(400);
      expect(field(res, name)).toBeDefined();
    });

    it('lists partners by country, target region and name', async () => {
      await createPartner({ name: 'Listpartner Milano S.r.l.', countryCode: 'IT', targetRegion: 'novara' });
      await createPartner({ name: 'Listpartner Torino S.r.l.', countryCode: 'IT', targetRegion: undefined });
      const names = async (query: string) => (await t.as(t.staff).get(`/api/partners${query}`).expect(200)).body.items.map((p: { name: string }) => p.name);
      expect(await names('?country=it&q=Listpartner')).toEqual(['Listpartner Milano S.r.l.', 'Listpartner Torino S.r.l.']);
      expect(await names('?targetRegion=novara')).toEqual(['Listpartner Milano S.r.l.']);
      await t.as(t.staff).get('/api/partners?country=Italy').expect(400);
    });

    it('answers 404 for an unknown partner, 400 for a malformed id, 403 for company users and financiers', async () => {
      expect((await t.as(t.staff).get(`/api/partners/${UNKNOWN_ID}`).expect(404)).body.error).toBe('PARTNER_NOT_FOUND');
      await t.as(t.staff).get('/api/partners/nope').expect(400);
      const company = await t.registerCompany();
      const token = await t.companyToken(company.id);
      await t.as(token).post('/api/partners', { name: 'X', countryCode: 'PL' }).expect(403);
      await t.as(token).get('/api/partners').expect(403);
      await t.as(t.financier).get('/api/partners').expect(403);
    });
  });

  describe('relationships', () => {
    const open = (companyId: string, body: object, token = t.staff) => t.as(token).post(`/api/companies/${companyId}/relationships`, body);
    const move = (id: string, body: object, token = t.staff) => t.as(token).patch(`/api/relationships/${id}`, body);

    it('opens a relationship at a stage and publishes RelationshipStageChanged with the partner country and target region', async () => {
      const company = await t.registerCompany();
      const partner = await createPartner();
      const res = await open(company.id, { partnerId: partner.id }).expect(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        companyId: company.id,
        partner: { id: partner.id, name: partner.name, countryCode: 'PL', targetRegion: 'poznan' },
        stage: 'lead',
        stageChangedAt: expect.any(String),
        openedAt: res.body.stageChangedAt,
        history: [{ fromStage: null, toStage: 'lead', changedAt: res.body.stageChangedAt, cause: { kind: 'manual', id: null }, recordedAt: expect.any(String) }],
      });
      const [event] = await outboxEvents(t.database, 'RelationshipStageChanged', (d) => d.relationshipId === res.body.id);
      expect(event.data).toEqual({
        relationshipId: res.body.id,
        companyId: company.id,
        partnerId: partner.id,
        partnerCountry: 'PL',
        targetRegion: 'poznan',
        fromStage: null,
        toStage: 'lead',
        changedAt: res.body.stageChangedAt,
        cause: 'manual',
        causeId: null,
      });
    });

    it('moves it through the stages, keeping each move with its date and the activity that caused it', async () => {
      const company = await t.registerCompany();
      const partner = await createPartner({ countryCode: 'IT', targetRegion: 'novara' });
      const openedAt = new Date(Date.now() - 20 * 86_400_000).toISOString();
      const { body: relationship } = await open(company.id, { partnerId: partner.id, stage: 'contacted', at: openedAt }).expect(201);
      const meetingId = 'f4d2b6c7-8e9a-41a2-9d2e-3f4a5b6c7d8e';
      const metAt = new Date(Date.now() - 10 * 86_400_000).toISOString();
      await move(relationship.id, { stage: 'meeting', at: metAt, cause: { kind: 'partner-meeting', id: meetingId } }).expect(200);
      const eventId = 'c1a9e3f4-5b6d-4e7f-8a9b-0c1d2e3f4a5b';
      const res = await move(relationship.id, { stage: 'negotiation', cause: { kind: 'event', id: eventId } }).expect(200);
      expect(res.body.stage).toBe('negotiation');
      expect(res.body.history.map((h: { fromStage: string; toStage: string; changedAt: string; cause: object }) => [h.fromStage, h.toStage, h.cause])).toEqual([
        [null, 'contacted', { kind: 'manual', id: null }],
        ['contacted', 'meeting', { kind: 'partner-meeting', id: meetingId }],
        ['meeting', 'negotiation', { kind: 'event', id: eventId }],
      ]);
      expect(res.body.history[0].changedAt).toBe(openedAt);
      expect(res.body.history[1].changedAt).toBe(metAt);
      const events = await outboxEvents(t.database, 'RelationshipStageChanged', (d) => d.relationshipId === relationship.id);
      expect(events.map((e) => [e.data.fromStage, e.data.toStage, e.data.cause, e.data.causeId, e.data.targetRegion])).toEqual([
        [null, 'contacted', 'manual', null, 'novara'],
        ['contacted', 'meeting', 'partner-meeting', meetingId, 'novara'],
        ['meeting', 'negotiation', 'event', eventId, 'novara'],
      ]);
      await t.as(t.staff).get(`/api/relationships/${relationship.id}`).expect(200, res.body);
    });

    it('keeps one open relationship per company and partner; an ended one can be taken up again', async () => {
      const company = await t.registerCompany();
      const partner = await createPartner();
      const { body: first } = await open(company.id, { partnerId: partner.id }).expect(201);
      const again = await open(company.id, { partnerId: partner.id, stage: 'meeting' }).expect(409);
      expect(again.body).toMatchObject({ error: 'RELATIONSHIP_EXISTS', details: { existingId: first.id } });
      await move(first.id, { stage: 'ended' }).expect(200);
      const { body: second } = await open(company.id, { partnerId: partner.id }).expect(201);
      // Taking the first up again while the second is open would make two open ones.
      expect((await move(first.id, { stage: 'contacted' }).expect(409)).body.details.existingId).toBe(second.id);
      await move(second.id, { stage: 'ended' }).expect(200);
      await move(first.id, { stage: 'contacted' }).expect(200);
    });

    it('answers 409, never 500, when the same relationship is opened by several requests at once', async () => {
      const company = await t.registerCompany();
      const partner = await createPartner();
      const answers = await Promise.all(Array.from({ length: 5 }, () => open(company.id, { partnerId: partner.id })));
      expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409]);
    });

    it('refuses a move to the same stage, in the future, before the last move, or with a cause that lacks its id', async () => {
      const company = await t.registerCompany();
      const partner = await createPartner();
      const { body: relationship } = await open(company.id, { partnerId: partner.id }).expect(201);
      expect((await move(relationship.id, { stage: 'lead' }).expect(409)).body.error).toBe('RELATIONSHIP_STAGE_UNCHANGED');
      expect(field(await move(relationship.id, { stage: 'meeting', at: '2999-01-01T00:00:00Z' }).expect(400), 'at')?.message).toContain('future');
      expect(field(await move(relationship.id, { stage: 'meeting', at: '2020-01-01T00:00:00Z' }).expect(400), 'at')?.message).toContain('last change');
      expect(field(await move(relationship.id, { stage: 'meeting', cause: { kind: 'partner-meeting' } }).expect(400), 'cause.id')).toBeDefined();
      expect(field(await move(relationship.id, { stage: 'meeting', cause: { kind: 'manual', id: UNKNOWN_ID } }).expect(400), 'cause.id')).toBeDefined();
      expect(field(await move(relationship.id, { stage: 'meeting', cause: { kind: 'merge' } }).expect(400), 'cause.kind')).toBeDefined();
      expect(field(await move(relationship.id, { stage: 'friends' }).expect(400), 'stage')).toBeDefined();
      expect(field(await move(relationship.id, {}).expect(400), 'stage')).toBeDefined();
      expect(field(await open(company.id, { partnerId: partner.id, stage: 'ended' }).expect(400), 'stage')).toBeDefined();
      expect(field(await open(company.id, { partnerId: 'x' }).expect(400), 'partnerId')).toBeDefined();
    });

    it('answers 404 for an unknown company, partner or relationship, and 400 for malformed ids', async () => {
      const company = await t.registerCompany();
      const partner = await createPartner();
      expect((await open(UNKNOWN_ID, { partnerId: partner.id }).expect(404)).body.error).toBe('COMPANY_NOT_FOUND');
      expect((await open(company.id, { partnerId: UNKNOWN_ID }).expect(404)).body.error).toBe('PARTNER_NOT_FOUND');
      expect((await move(UNKNOWN_ID, { stage: 'meeting' }).expect(404)).body.error).toBe('RELATIONSHIP_NOT_FOUND');
      await t.as(t.staff).get(`/api/relationships/${UNKNOWN_ID}`).expect(404);
      await t.as(t.staff).get(`/api/companies/${UNKNOWN_ID}/relationships`).expect(404);
      await t.as(t.staff).get('/api/relationships/1').expect(400);
      await move('1', { stage: 'meeting' }).expect(400);
    });

    it("lists a company's relationships, by stage", async () => {
      const company = await t.registerCompany();
      const [a, b] = [await createPartner(), await createPartner()];
      await open(company.id, { partnerId: a.id }).expect(201);
      await open(company.id, { partnerId: b.id, stage: 'agreement' }).expect(201);
      const all = await t.as(t.staff).get(`/api/companies/${company.id}/relationships`).expect(200);
      expect(all.body).toMatchObject({ total: 2, page: 1, pageSize: 20 });
      const agreed = await t.as(t.staff).get(`/api/companies/${company.id}/relationships?stage=agreement`).expect(200);
      expect(agreed.body.items.map((r: { partner: { id: string } }) => r.partner.id)).toEqual([b.id]);
      await t.as(t.staff).get(`/api/companies/${company.id}/relationships?stage=won`).expect(400);
    });

    it('lets a company user read its own relationships but not change them, nor read another company\'s', async () => {
      const own = await t.registerCompany();
      const other = await t.registerCompany();
      const partner = await createPartner();
      const { body: ownRelationship } = await open(own.id, { partnerId: partner.id }).expect(201);
      const { body: othersRelationship } = await open(other.id, { partnerId: partner.id }).expect(201);
      const token = await t.companyToken(own.id);
      await t.as(token).get(`/api/companies/${own.id}/relationships`).expect(200);
      await t.as(token).get(`/api/relationships/${ownRelationship.id}`).expect(200);
      await t.as(token).get(`/api/relationships/${othersRelationship.id}`).expect(403);
      await t.as(token).get(`/api/companies/${other.id}/relationships`).expect(403);
      await move(ownRelationship.id, { stage: 'meeting' }, token).expect(403);
      await open(own.id, { partnerId: partner.id }, token).expect(403);
      await t.as(t.financier).get(`/api/relationships/${ownRelationship.id}`).expect(403);
    });
  });
});
