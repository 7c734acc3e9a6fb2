import { queryDatabase } from '@globac/testing';
import { type CompaniesTestService, outboxEvents, startCompaniesService, UNKNOWN_ID } from './support/companies-service';

describe('merging duplicate company records (real Postgres)', () => {
  let t: CompaniesTestService;
  let serial = 0;

  beforeAll(async () => {
    t = await startCompaniesService();
  });
  afterAll(() => t?.close());

  const staff = () => t.as(t.staff);
  const partner = async (countryCode = 'PL') => (await staff().post('/api/partners', { name: `Merge partner ${++serial}`, countryCode }).expect(201)).body.id as string;
  const figures = (exportTurnoverSek: number) => ({ totalTurnoverSek: 10_000_000, exportTurnoverSek, exportMarkets: exportTurnoverSek ? ['NO'] : [] });
  const merge = (survivorId: string, duplicateId: string, token = t.staff) => t.as(token).post(`/api/companies/${survivorId}/merge`, { duplicateId });

  it('moves contacts, export figures and relationships to the survivor; the duplicate points at it', async () => {
    const survivor = await t.registerCompany({ name: 'Norrskog Trä AB' });
    const duplicate = await t.registerCompany({ name: 'Norrskogs Träindustri AB' });
    const [p1, p2, p3] = [await partner(), await partner(), await partner('IT')];

    await staff().post(`/api/companies/${survivor.id}/contacts`, { name: 'Sara Survivor' }).expect(201);
    const moving = [
      (await staff().post(`/api/companies/${duplicate.id}/contacts`, { name: 'Dan Duplicate' }).expect(201)).body.id,
      (await staff().post(`/api/companies/${duplicate.id}/contacts`, { name: 'Dora Duplicate' }).expect(201)).body.id,
    ];

    await staff().put(`/api/companies/${survivor.id}/export-figures/2023`, figures(1_000_000)).expect(201);
    await staff().put(`/api/companies/${duplicate.id}/export-figures/2023`, figures(2_000_000)).expect(201);
    await staff().put(`/api/companies/${duplicate.id}/export-figures/2022`, figures(0)).expect(201);
    await staff().put(`/api/companies/${duplicate.id}/export-figures/2022`, figures(500_000)).expect(200);

    const survivorsP1 = (await staff().post(`/api/companies/${survivor.id}/relationships`, { partnerId: p1, stage: 'meeting' }).expect(201)).body.id;
    const survivorsP3 = (await staff().post(`/api/companies/${survivor.id}/relationships`, { partnerId: p3, stage: 'meeting' }).expect(201)).body.id;
    const duplicatesP1 = (await staff().post(`/api/companies/${duplicate.id}/relationships`, { partnerId: p1, stage: 'agreement' }).expect(201)).body.id;
    const duplicatesP2 = (await staff().post(`/api/companies/${duplicate.id}/relationships`, { partnerId: p2 }).expect(201)).body.id;
    const duplicatesP3 = (await staff().post(`/api/companies/${duplicate.id}/relationships`, { partnerId: p3, stage: 'lead' }).expect(201)).body.id;

    const res = await merge(survivor.id, duplicate.id).expect(200);
    expect(res.body).toMatchObject({
      mergedCompanyId: duplicate.id,
      mergedAt: expect.any(String),
      survivor: { id: survivor.id, name: 'Norrskog Trä AB', latestExportYear: 2023, exporting: true },
      outcome: {
        contactsMoved: 2,
        exportYearsMoved: [2022],
        exportYearsKeptFromSurvivor: [2023],
        relationshipsMoved: 3,
        relationshipsEnded: expect.arrayContaining([survivorsP1, duplicatesP3]),
      },
    });
    expect(res.body.outcome.relationshipsEnded).toHaveLength(2);

    // The duplicate: gone from lists, its id pointing at the survivor, its org number still taken (by the survivor).
    const gone = await staff().get(`/api/companies/${duplicate.id}`).expect(410);
    expect(gone.body).toMatchObject({ error: 'COMPANY_MERGED', details: { id: duplicate.id, mergedInto: survivor.id } });
    await staff().patch(`/api/companies/${duplicate.id}`, { name: 'X AB' }).expect(410);
    await staff().put(`/api/companies/${duplicate.id}/export-figures/2024`, figures(0)).expect(410);
    await staff().post(`/api/companies/${duplicate.id}/contacts`, { name: 'Late' }).expect(410);
    await staff().get(`/api/companies/${duplicate.id}/relationships`).expect(410);
    const listed = await staff().get('/api/companies?q=Norrskog').expect(200);
    expect(listed.body.items.map((c: { id: string }) => c.id)).toEqual([survivor.id]);
    const again = await staff().post('/api/companies', { orgNumber: duplicate.orgNumber, name: 'Again AB', municipality: 'Umeå' }).expect(409);
    expect(again.body.details.existingId).toBe(survivor.id);

    // Contacts and export figures now live with the survivor; for 2023 the survivor's figures stand.
    const contacts = await staff().get(`/api/contacts?companyId=${survivor.id}`).expect(200);
    expect(contacts.body.items.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining(moving));
    const years = await staff().get(`/api/companies/${survivor.id}/export-figures`).expect(200);
    expect(years.body.items.map((y: { year: number; exportTurnoverSek: number; revision: number }) => [y.year, y.exportTurnoverSek, y.revision])).toEqual([
      [2023, 1_000_000, 1],
      [2022, 500_000, 2],
    ]);
    expect((await staff().get(`/api/companies/${survivor.id}/export-figures/2022`).expect(200)).body.revisions).toHaveLength(2);

    // Relationships: the one further along stays open; the other is ended by the merge, its history kept.
    const relationships = await staff().get(`/api/companies/${survivor.id}/relationships`).expect(200);
    const stages = Object.fromEntries(relationships.body.items.map((r: { id: string; stage: string }) => [r.id, r.stage]));
    expect(stages).toEqual({
      [survivorsP1]: 'ended',
      [duplicatesP1]: 'agreement',
      [duplicatesP2]: 'lead',
      [survivorsP3]: 'meeting',
      [duplicatesP3]: 'ended',
    });
    const ended = await staff().get(`/api/relationships/${survivorsP1}`).expect(200);
    expect(ended.body.history.at(-1)).toMatchObject({ fromStage: 'meeting', toStage: 'ended', cause: { kind: 'merge', id: survivor.id } });

    // What everyone else learns: the merge, and the ends it caused.
    const merged = await outboxEvents(t.database, 'CompaniesMerged', (d) => d.mergedCompanyId === duplicate.id);
    expect(merged.map((e) => e.data)).toEqual([{ survivingCompanyId: survivor.id, mergedCompanyId: duplicate.id, mergedAt: res.body.mergedAt }]);
    const ends = await outboxEvents(t.database, 'RelationshipStageChanged', (d) => d.cause === 'merge');
    expect(ends.map((e) => e.data.relationshipId).sort()).toEqual([survivorsP1, duplicatesP3].sort());

    const [log] = await queryDatabase(t.database, 'SELECT merged_by, outcome FROM company_merges WHERE merged_company_id = $1', [duplicate.id]);
    expect(log).toMatchObject({ merged_by: 'staff-1', outcome: { contactsMoved: 2 } });
  });

  it('points companies merged into a duplicate earlier at the final survivor', async () => {
    const [a, b, c] = [await t.registerCompany(), await t.registerCompany(), await t.registerCompany()];
    await merge(b.id, a.id).expect(200);
    await merge(c.id, b.id).expect(200);
    expect((await staff().get(`/api/companies/${a.id}`).expect(410)).body.details.mergedInto).toBe(c.id);
  });

  it('refuses a merge with itself, with a merged or unknown company, and bad ids', async () => {
    const [a, b, c] = [await t.registerCompany(), await t.registerCompany(), await t.registerCompany()];
    const self = await merge(a.id, a.id).expect(400);
    expect(self.body.details[0]).toMatchObject({ field: 'duplicateId' });
    await merge(a.id, b.id).expect(200);
    expect((await merge(c.id, b.id).expect(410)).body.details.mergedInto).toBe(a.id);
    await merge(b.id, c.id).expect(410);
    expect((await merge(a.id, UNKNOWN_ID).expect(404)).body.error).toBe('COMPANY_NOT_FOUND');
    expect((await merge(UNKNOWN_ID, c.id).expect(404)).body.error).toBe('COMPANY_NOT_FOUND');
    await merge(a.id, 'nope').expect(400);
    await t.as(t.staff).post('/api/companies/nope/merge', { duplicateId: c.id }).expect(400);
    await t.as(t.staff).post(`/api/companies/${a.id}/merge`, {}).expect(400);
  });

  it('merges each pair once when two staff members merge it at the same moment, either way round', async () => {
    const [a, b] = [await t.registerCompany(), await t.registerCompany()];
    const answers = await Promise.all([merge(a.id, b.id), merge(b.id, a.id), merge(a.id, b.id)]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 410, 410]);
    const merges = await queryDatabase(t.database, 'SELECT 1 FROM company_merges WHERE merged_company_id = ANY($1::uuid[])', [[a.id, b.id]]);
    expect(merges).toHaveLength(1);
  });

  it('is for staff: company users and financiers get 403', async () => {
    const [a, b] = [await t.registerCompany(), await t.registerCompany()];
    await merge(a.id, b.id, await t.companyToken(a.id)).expect(403);
    await merge(a.id, b.id, t.financier).expect(403);
    await staff().get(`/api/companies/${b.id}`).expect(200);
  });
});
