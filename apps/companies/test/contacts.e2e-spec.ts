import { randomBytes } from 'node:crypto';
import { queryDatabase } from '@globac/testing';
import { type CompaniesTestService, outboxEvents, startCompaniesService, UNKNOWN_ID } from './support/companies-service';

describe('contacts: people at companies, with GDPR access and erasure (real Postgres)', () => {
  let t: CompaniesTestService;
  let company: { id: string; name: string; orgNumber: string };
  let otherCompany: { id: string };
  let companyToken: string;
  let otherToken: string;

  beforeAll(async () => {
    t = await startCompaniesService();
    company = (await t.registerCompany({ name: 'Kontakt AB' })) as typeof company;
    otherCompany = await t.registerCompany({ name: 'Annan AB' });
    companyToken = await t.companyToken(company.id);
    otherToken = await t.companyToken(otherCompany.id);
  });
  afterAll(() => t?.close());

  const person = (fields: object = {}) => {
    const tag = randomBytes(4).toString('hex');
    return { name: `Person ${tag}`, email: `person.${tag}@kontakt.example`, phone: `+46 70 ${parseInt(tag, 16) % 10_000_000}`, role: 'CEO', gender: 'woman', consentToContact: true, ...fields };
  };
  const create = async (companyId = company.id, fields: object = {}, token = t.staff) => {
    const res = await t.as(token).post(`/api/companies/${companyId}/contacts`, person(fields));
    if (res.status !== 201) throw new Error(`creating a contact answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  };

  describe('create, read, correct, list', () => {
    it('adds a person to a company', async () => {
      const body = person({ name: '  Anna Lindqvist ' });
      const res = await t.as(t.staff).post(`/api/companies/${company.id}/contacts`, body).expect(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        companyId: company.id,
        name: 'Anna Lindqvist',
        email: body.email,
        phone: body.phone,
        role: 'CEO',
        gender: 'woman',
        consentToContact: true,
        consentChangedAt: expect.any(String),
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      await t.as(t.staff).get(`/api/contacts/${res.body.id}`).expect(200, res.body);
    });

    it('takes only a name, with gender undisclosed and no consent', async () => {
      const res = await t.as(t.staff).post(`/api/companies/${company.id}/contacts`, { name: 'Bo' }).expect(201);
      expect(res.body).toMatchObject({ gender: 'undisclosed', consentToContact: false, consentChangedAt: null, email: null });
    });

    it('refuses bad values, each named', async () => {
      const res = await t.as(t.staff).post(`/api/companies/${company.id}/contacts`, { name: '', email: 'not-an-address', phone: 'call me', gender: 'female', consentToContact: 'yes', age: 40 }).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['name', 'email', 'phone', 'gender', 'consentToContact', 'age']));
    });

    it('answers 404 for an unknown company or contact, and 400 for malformed ids', async () => {
      expect((await t.as(t.staff).post(`/api/companies/${UNKNOWN_ID}/contacts`, person()).expect(404)).body.error).toBe('COMPANY_NOT_FOUND');
      expect((await t.as(t.staff).get(`/api/contacts/${UNKNOWN_ID}`).expect(404)).body.error).toBe('CONTACT_NOT_FOUND');
      await t.as(t.staff).patch(`/api/contacts/${UNKNOWN_ID}`, { name: 'X' }).expect(404);
      await t.as(t.staff).delete(`/api/contacts/${UNKNOWN_ID}`).expect(404);
      await t.as(t.staff).get(`/api/contacts/${UNKNOWN_ID}/export`).expect(404);
      await t.as(t.staff).get('/api/contacts/123').expect(400);
      await t.as(t.staff).post('/api/companies/123/contacts', person()).expect(400);
      await t.as(t.staff).get('/api/contacts?companyId=123').expect(400);
    });

    it('corrects a contact, noting when consent changed', async () => {
      const contact = await create(company.id, { consentToContact: false });
      const res = await t.as(t.staff).patch(`/api/contacts/${contact.id}`, { role: 'Export manager', phone: null, consentToContact: true }).expect(200);
      expect(res.body).toMatchObject({ role: 'Export manager', phone: null, consentToContact: true, email: contact.email });
      expect(res.body.consentChangedAt).not.toBeNull();
      await t.as(t.staff).patch(`/api/contacts/${contact.id}`, { name: null }).expect(400);
      await t.as(t.staff).patch(`/api/contacts/${contact.id}`, { gender: 'other' }).expect(400);
    });

    it('lists contacts by company, text and consent, paged', async () => {
      const listed = await t.registerCompany({ name: 'Listad AB' });
      await create(listed.id, { name: 'Cecilia Ek', consentToContact: true });
      await create(listed.id, { name: 'David Ek', consentToContact: false });
      await create(listed.id, { name: 'Erik Berg', email: 'erik@berg.example' });
      const list = (query: string) => t.as(t.staff).get(`/api/contacts?companyId=${listed.id}${query}`).expect(200);
      const names = (res: { body: { items: { name: string }[] } }) => res.body.items.map((i) => i.name);
      expect((await list('')).body).toMatchObject({ total: 3, page: 1, pageSize: 20 });
      expect(names(await list('&q=ek'))).toEqual(['Cecilia Ek', 'David Ek']);
      expect(names(await list('&q=berg.example'))).toEqual(['Erik Berg']);
      expect(names(await list('&consentToContact=false'))).toEqual(['David Ek']);
      expect(names(await list('&pageSize=1&page=2'))).toEqual(['David Ek']);
      await t.as(t.staff).get('/api/contacts?pageSize=500').expect(400);
    });
  });

  describe('company users', () => {
    it('manage the contacts of their own company only', async () => {
      const own = await create(company.id, {}, companyToken);
      const others = await create(otherCompany.id);
      await t.as(companyToken).get(`/api/contacts/${own.id}`).expect(200);
      await t.as(companyToken).patch(`/api/contacts/${own.id}`, { role: 'Owner' }).expect(200);
      await t.as(companyToken).get(`/api/contacts/${own.id}/export`).expect(200);
      for (const res of [
        await t.as(companyToken).get(`/api/contacts/${others.id}`),
        await t.as(companyToken).patch(`/api/contacts/${others.id}`, { role: 'Owner' }),
        await t.as(companyToken).delete(`/api/contacts/${others.id}`),
        await t.as(companyToken).get(`/api/contacts/${others.id}/export`),
        await t.as(companyToken).post(`/api/companies/${otherCompany.id}/contacts`, person()),
        await t.as(companyToken).get(`/api/contacts?companyId=${otherCompany.id}`),
      ]) {
        expect(res.status).toBe(403);
        expect(res.body.error).toBe('FORBIDDEN');
      }
      await t.as(otherToken).get(`/api/contacts/${others.id}`).expect(200);
    });

    it("see only their own company's contacts in the list", async () => {
      const res = await t.as(otherToken).get('/api/contacts').expect(200);
      expect(res.body.items.length).toBeGreaterThan(0);
      expect(res.body.items.every((c: { companyId: string }) => c.companyId === otherCompany.id)).toBe(true);
    });

    it('financiers see no contacts at all', async () => {
      const contact = await create();
      await t.as(t.financier).get('/api/contacts').expect(403);
      await t.as(t.financier).get(`/api/contacts/${contact.id}`).expect(403);
      await t.as(t.financier).get(`/api/contacts/${contact.id}/export`).expect(403);
    });
  });

  describe('GDPR', () => {
    it('exports everything held about a person and how it is processed (art. 15)', async () => {
      const contact = await create();
      const res = await t.as(t.staff).get(`/api/contacts/${contact.id}/export`).expect(200);
      expect(res.body).toEqual({
        exportedAt: expect.any(String),
        personalData: contact,
        company: { id: company.id, name: company.name, orgNumber: company.orgNumber },
        processing: {
          purpose: expect.any(String),
          legalBasis: expect.any(String),
          source: expect.any(String),
          recipients: expect.stringContaining('contact id'),
          retention: expect.any(String),
        },
      });
    });

    it('erases a person: gone from every endpoint and every table, outbox included; the erasure logged without the data (art. 17)', async () => {
      const contact = await create(company.id, { name: 'Gunilla Raderas', email: 'gunilla.raderas@kontakt.example', phone: '+46 70 555 12 34' }, companyToken);
      await t.as(companyToken).patch(`/api/contacts/${contact.id}`, { role: 'Chair of the board' }).expect(200);
      const eventsBefore = await outboxEvents(t.database);

      await t.as(t.staff).delete(`/api/contacts/${contact.id}`).expect(204);

      for (const res of [
        await t.as(t.staff).get(`/api/contacts/${contact.id}`),
        await t.as(t.staff).patch(`/api/contacts/${contact.id}`, { name: 'Back again' }),
        await t.as(t.staff).get(`/api/contacts/${contact.id}/export`),
        await t.as(t.staff).delete(`/api/contacts/${contact.id}`),
      ]) {
        expect(res.status).toBe(404);
        expect(res.body.error).toBe('CONTACT_NOT_FOUND');
      }
      const listed = await t.as(t.staff).get(`/api/contacts?companyId=${company.id}&pageSize=100`).expect(200);
      expect(listed.body.items.map((c: { id: string }) => c.id)).not.toContain(contact.id);
      expect((await t.as(t.staff).get('/api/contacts?q=Raderas').expect(200)).body.total).toBe(0);

      // Every row of every table of the service's database, as text: none holds anything about the person.
      const tables = await queryDatabase<{ name: string }>(
        t.database,
        "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
      );
      expect(tables.map((r) => r.name)).toEqual(expect.arrayContaining(['contacts', 'contact_erasures', 'outbox', 'companies']));
      for (const { name } of tables) {
        const rows = await queryDatabase<{ row: string }>(t.database, `SELECT t::text AS row FROM "${name}" t`);
        for (const { row } of rows) {
          for (const personal of ['Gunilla', 'Raderas', 'gunilla.raderas', '555 12 34', 'Chair of the board']) expect(row).not.toContain(personal);
        }
      }

      // The erasure is logged: which id, when, by whom; nothing about the person.
      const log = await queryDatabase(t.database, 'SELECT * FROM contact_erasures WHERE contact_id = $1', [contact.id]);
      expect(log).toEqual([{ contact_id: contact.id, company_id: company.id, erased_at: expect.any(Date), erased_by: 'staff-1' }]);

      // Other services learn the id only; what was published before is untouched (reports built from it stay as they were).
      const erased = await outboxEvents(t.database, 'ContactErased');
      expect(erased.map((e) => e.data)).toEqual([{ contactId: contact.id }]);
      const eventsAfter = await outboxEvents(t.database);
      expect(eventsAfter.slice(0, eventsBefore.length)).toEqual(eventsBefore);
      expect(eventsAfter.slice(eventsBefore.length).map((e) => e.type)).toEqual(['ContactErased']);
    });

    it("lets a company user erase its own company's contact, not another's", async () => {
      const own = await create();
      const others = await create(otherCompany.id);
      await t.as(otherToken).delete(`/api/contacts/${own.id}`).expect(403);
      await t.as(companyToken).delete(`/api/contacts/${own.id}`).expect(204);
      await t.as(t.staff).get(`/api/contacts/${others.id}`).expect(200);
      const [row] = await queryDatabase(t.database, 'SELECT erased_by FROM contact_erasures WHERE contact_id = $1', [own.id]);
      expect(row).toEqual({ erased_by: `rep-${company.id.slice(0, 8)}` });
    });
  });
});
