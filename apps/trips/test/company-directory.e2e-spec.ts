import { randomUUID } from 'node:crypto';
import { CompaniesMerged, CompanyRegistered, CompanyUpdated, ContactErased } from '@globac/contracts';
import { eventually, publishTestEvent } from '@globac/testing';
import { apply, createTrip, expectError, FAST_MESSAGING, traveller, type TripsApp, startTripsApp } from './support/trips-app';

describe('the company copy from the companies service\'s events, and erasure of travellers (real Postgres and NATS)', () => {
  let app: TripsApp;

  beforeAll(async () => {
    app = await startTripsApp({ env: FAST_MESSAGING });
  });
  afterAll(() => app?.close());

  const publish = <T extends object>(contract: Parameters<typeof publishTestEvent<T>>[1], data: T) => publishTestEvent(app.config.NATS_SUBJECT_PREFIX, contract, data);
  const registered = (companyId: string): CompanyRegistered => ({
    companyId,
    orgNumber: '556036-0793',
    name: `Company ${companyId.slice(0, 8)}`,
    municipality: 'Skellefteå',
    sizeClass: 'small',
    sniCode: '16.100',
    registeredAt: new Date().toISOString(),
    revision: 1,
  });
  const copyOf = async (companyId: string) => (await app.sql('SELECT name, municipality, revision, merged_into FROM company_copy WHERE id = $1', [companyId]))[0];

  it('knows a company once its CompanyRegistered arrives; updates apply field by field; a merged company is refused with the survivor', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const trip = await createTrip(app);
    expectError(await apply(app, trip.id, a), 422, 'UNKNOWN_COMPANY');
    // An update before its registration is retried until the registration is handled.
    await publish(CompanyUpdated, { companyId: a, changes: { municipality: 'Umeå' }, effectiveFrom: new Date().toISOString(), revision: 2 });
    await publish(CompanyRegistered, registered(a));
    await publish(CompanyRegistered, registered(b));
    await eventually(async () => expect(await copyOf(a)).toMatchObject({ municipality: 'Umeå', revision: 2 }));
    await apply(app, trip.id, a).expect(201);

    await publish(CompaniesMerged, { survivingCompanyId: a, mergedCompanyId: b, mergedAt: new Date().toISOString() });
    await eventually(async () => expect((await copyOf(b)).merged_into).toBe(a));
    expect(expectError(await apply(app, trip.id, b), 422, 'COMPANY_MERGED').details).toEqual({ companyId: b, mergedInto: a });
  });

  it('erases a contact\'s personal data from its travellers on ContactErased, keeping what reports need', async () => {
    const companyId = randomUUID();
    await publish(CompanyRegistered, registered(companyId));
    await eventually(async () => expect(await copyOf(companyId)).toBeDefined());
    const trip = await createTrip(app);
    const contactId = randomUUID();
    const participant = await app.as().post(`/api/trips/${trip.id}/participants`, { companyId, travellers: [{ contactId, gender: 'woman' }, traveller()] }).expect(201);
    await app.as().post(`/api/trips/${trip.id}/participants/${participant.body.id}/accept`).expect(200);

    await publish(ContactErased, { contactId });
    await eventually(async () => {
      const read = await app.as().get(`/api/trips/${trip.id}/participants/${participant.body.id}`).expect(200);
      expect(read.body.travellers[0]).toEqual({ contactId: null, name: null, email: null, gender: 'woman', personalDataErasedAt: expect.any(String) });
    });
    const read = await app.as().get(`/api/trips/${trip.id}/participants/${participant.body.id}`).expect(200);
    expect(read.body).toMatchObject({ status: 'accepted', companyId });
    expect(read.body.travellers[1]).toMatchObject({ name: expect.any(String), personalDataErasedAt: null });
  });

  it('erases a traveller given by name by e-mail address, on every trip, in any case', async () => {
    const companyId = randomUUID();
    await publish(CompanyRegistered, registered(companyId));
    await eventually(async () => expect(await copyOf(companyId)).toBeDefined());
    const email = `erase-me-${randomUUID().slice(0, 6)}@example.se`;
    const ids: [string, string][] = [];
    for (let i = 0; i < 2; i++) {
      const trip = await createTrip(app);
      const participant = await app.as().post(`/api/trips/${trip.id}/participants`, { companyId, travellers: [traveller({ email: i ? email.toUpperCase() : email, gender: 'man' })] }).expect(201);
      ids.push([trip.id, participant.body.id]);
    }
    const erased = await app.as().post('/api/trips/traveller-erasures', { email }).expect(200);
    expect(erased.body).toEqual({ erasedTravellers: 2 });
    for (const [tripId, participantId] of ids) {
      const read = await app.as().get(`/api/trips/${tripId}/participants/${participantId}`).expect(200);
      expect(read.body.travellers).toEqual([{ contactId: null, name: null, email: null, gender: 'man', personalDataErasedAt: expect.any(String) }]);
    }
    expectError(await app.as().post('/api/trips/traveller-erasures', { email: 'not an address' }), 400, 'VALIDATION_FAILED');
  });
});
