import { randomUUID } from 'node:crypto';
import { CompaniesMerged, CompanyRegistered, CompanyUpdated, ContactErased } from '@globac/contracts';
import { eventually } from '@globac/testing';
import { createEvent, type EventsApp, expectError, person, register, startEventsApp } from './support/events-app';
import { FAST_MESSAGING, TestNats } from './support/nats';

describe('the company copy, kept from the companies service\'s events (real Postgres and NATS)', () => {
  let app: EventsApp;
  let nats: TestNats;

  beforeAll(async () => {
    app = await startEventsApp(FAST_MESSAGING);
    nats = await TestNats.connect(app.config.NATS_SUBJECT_PREFIX);
  });
  afterAll(async () => {
    await app?.close();
    await nats?.close();
  });

  const registered = (companyId: string, name = `Company ${companyId.slice(0, 8)}`): CompanyRegistered => ({
    companyId,
    orgNumber: '556036-0793',
    name,
    municipality: 'Skellefteå',
    sizeClass: 'small',
    sniCode: '16.100',
    registeredAt: new Date().toISOString(),
    revision: 1,
  });
  const copyOf = async (companyId: string) =>
    (await app.sql('SELECT name, municipality, size_class, revision, merged_into FROM company_copy WHERE id = $1', [companyId]))[0];

  it('knows a company once its CompanyRegistered arrives, and takes its registrations', async () => {
    const companyId = randomUUID();
    const event = await createEvent(app);
    expectError(await register(app, event.id, { companyId, participant: person() }), 422, 'UNKNOWN_COMPANY');

    await nats.publish(CompanyRegistered, registered(companyId, 'Norrskog Trä AB'));
    await eventually(async () => expect(await copyOf(companyId)).toEqual({ name: 'Norrskog Trä AB', municipality: 'Skellefteå', size_class: 'small', revision: 1, merged_into: null }));
    await register(app, event.id, { companyId, participant: person() }).expect(201);
  });

  it('applies updates field by field, whatever order they arrive in', async () => {
    const companyId = randomUUID();
    await nats.publish(CompanyRegistered, registered(companyId, 'Old Name AB'));
    await eventually(async () => expect(await copyOf(companyId)).toBeDefined());
    // Revision 3 (a move) arrives before revision 2 (a new name): both must hold in the end.
    await nats.publish(CompanyUpdated, { companyId, changes: { municipality: 'Umeå' }, effectiveFrom: new Date().toISOString(), revision: 3 });
    await nats.publish(CompanyUpdated, { companyId, changes: { name: 'New Name AB', municipality: 'Lycksele' }, effectiveFrom: new Date().toISOString(), revision: 2 });
    await eventually(async () => expect(await copyOf(companyId)).toMatchObject({ name: 'New Name AB', municipality: 'Umeå', revision: 3 }));
    // A move out of the county: no municipality any more.
    await nats.publish(CompanyUpdated, { companyId, changes: { municipality: null, county: 'Norrbotten' }, effectiveFrom: new Date().toISOString(), revision: 4 });
    await eventually(async () => expect(await copyOf(companyId)).toMatchObject({ municipality: null, revision: 4 }));
  });

  it('retries an update that arrives before the company is known, until it is', async () => {
    const companyId = randomUUID();
    await nats.publish(CompanyUpdated, { companyId, changes: { sizeClass: 'medium' }, effectiveFrom: new Date().toISOString(), revision: 2 });
    await nats.publish(CompanyRegistered, registered(companyId));
    await eventually(async () => expect(await copyOf(companyId)).toMatchObject({ size_class: 'medium', revision: 2 }));
  });

  it('refuses a merged company with the surviving one, following a chain of merges', async () => {
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    for (const id of [a, b, c]) await nats.publish(CompanyRegistered, registered(id));
    await nats.publish(CompaniesMerged, { survivingCompanyId: b, mergedCompanyId: a, mergedAt: new Date().toISOString() });
    await nats.publish(CompaniesMerged, { survivingCompanyId: c, mergedCompanyId: b, mergedAt: new Date().toISOString() });
    await eventually(async () => {
      expect((await copyOf(a)).merged_into).toBe(c);
      expect((await copyOf(b)).merged_into).toBe(c);
    });
    const event = await createEvent(app);
    const refused = expectError(await register(app, event.id, { companyId: a, participant: person() }), 422, 'COMPANY_MERGED');
    expect(refused.details).toEqual({ companyId: a, mergedInto: c });
    await register(app, event.id, { companyId: c, participant: person() }).expect(201);
  });

  it('erases a contact\'s personal data from its registrations, keeping what reports need', async () => {
    const companyId = randomUUID();
    await nats.publish(CompanyRegistered, registered(companyId));
    await eventually(async () => expect(await copyOf(companyId)).toBeDefined());
    const event = await createEvent(app);
    const contactId = randomUUID();
    const registration = (await register(app, event.id, { companyId, participant: { contactId, gender: 'woman' } }).expect(201)).body;
    const other = (await register(app, event.id, { companyId, participant: { contactId: randomUUID() } }).expect(201)).body;

    await nats.publish(ContactErased, { contactId });
    await eventually(async () => {
      const res = await app.http().get(`/api/events/${event.id}/registrations/${registration.id}`).set('Authorization', `Bearer ${app.tokens.staff}`).expect(200);
      expect(res.body).toMatchObject({ status: 'registered', companyId, participant: { kind: 'erased', gender: 'woman' } });
    });
    const [row] = await app.sql('SELECT contact_id, name, email FROM registration WHERE id = $1', [registration.id]);
    expect(row).toEqual({ contact_id: null, name: null, email: null });
    const [untouched] = await app.sql('SELECT contact_id FROM registration WHERE id = $1', [other.id]);
    expect(untouched.contact_id).not.toBeNull();
  });

  it('handles each event once, however often it is delivered', async () => {
    const companyId = randomUUID();
    await nats.publish(CompanyRegistered, registered(companyId));
    const update = await nats.publish(CompanyUpdated, { companyId, changes: { name: 'Renamed AB' }, effectiveFrom: new Date().toISOString(), revision: 2 });
    await eventually(async () => expect(await copyOf(companyId)).toMatchObject({ name: 'Renamed AB', revision: 2 }));
    await nats.publish(CompanyUpdated, { companyId, changes: { name: 'Renamed Again AB' }, effectiveFrom: new Date().toISOString(), revision: 3 });
    await eventually(async () => expect(await copyOf(companyId)).toMatchObject({ name: 'Renamed Again AB' }));

    // Revision 2 delivered again (a new stream message with the same event id): the inbox knows it.
    await nats.publish(CompanyUpdated, update.data, { id: update.id, msgID: `again-${update.id}` });
    const marker = randomUUID();
    await nats.publish(CompanyRegistered, registered(marker));
    await eventually(async () => expect(await copyOf(marker)).toBeDefined());
    expect(await copyOf(companyId)).toMatchObject({ name: 'Renamed Again AB', revision: 3 });
    const [inbox] = await app.sql<{ n: number }>('SELECT count(*)::int AS n FROM inbox WHERE event_id = $1', [update.id]);
    expect(inbox.n).toBe(1);
  });
});
