// The trips service and the companies service together, as in production: each on its own database,
// both on one NATS subject prefix. The companies service runs as a process from its build (an app
// never imports another app); the trips service runs in this test's process.
import { randomUUID } from 'node:crypto';
import { dropTestDatabase, eventually, freePort, type ServiceProcess, spawnService, testInfrastructure, uniqueName } from '@globac/testing';
import { createTrip, expectError, FAST_MESSAGING, startTrip, traveller, type TripsApp, startTripsApp } from './support/trips-app';

/** A valid organisation number of a legal entity (third digit ≥ 2, Luhn check digit), new on every call. */
let serial = 0;
function orgNumber(): string {
  serial += 1;
  const nine = `559${String(process.pid % 100).padStart(2, '0')}${String(serial).padStart(4, '0')}`;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return `${nine.slice(0, 6)}-${nine.slice(6)}${(10 - (sum % 10)) % 10}`;
}

describe('trips and companies together, through NATS (real services, Postgres and NATS)', () => {
  let trips: TripsApp;
  let companies: ServiceProcess;
  let companiesUrl: string;
  const companiesDatabase = uniqueName('globac_test_companies');

  beforeAll(async () => {
    trips = await startTripsApp({ env: FAST_MESSAGING });
    const port = await freePort();
    companiesUrl = `http://127.0.0.1:${port}`;
    companies = spawnService('companies', {
      ...FAST_MESSAGING,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATABASE_NAME: companiesDatabase,
      POSTGRES_URL: testInfrastructure.postgresUrl,
      NATS_URL: testInfrastructure.natsUrl,
      NATS_SUBJECT_PREFIX: trips.config.NATS_SUBJECT_PREFIX,
      NATS_STREAM_STORAGE: 'memory',
      RATE_LIMIT_MAX: '100000',
    });
    await eventually(async () => expect((await fetch(`${companiesUrl}/health/ready`)).status).toBe(200), { timeoutMs: 90_000, intervalMs: 200 });
    // Two services starting on a loaded machine: more than the default hook timeout.
  }, 120_000);
  afterAll(async () => {
    companies?.child.kill('SIGTERM');
    await companies?.exited;
    await trips?.close();
    await dropTestDatabase(companiesDatabase);
  });

  /** A request to the companies service as staff (the same development key signs tokens for both). */
  const atCompanies = async (method: string, path: string, body?: object) => {
    const res = await fetch(`${companiesUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${trips.tokens.staff}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> & { id: string } };
  };
  const relationshipsOf = async (companyId: string) =>
    (await atCompanies('GET', `/api/companies/${companyId}/relationships`)).body.items as { id: string; stage: string; partner: { id: string; name: string } }[];

  /** A company registered in the companies service, once the trips service knows it (CompanyRegistered). */
  const registeredCompany = async (trip: { id: string }) => {
    const company = await atCompanies('POST', '/api/companies', { orgNumber: orgNumber(), name: `Västerbotten Trä ${serial} AB`, municipality: 'Skellefteå' });
    expect(company.status).toBe(201);
    const applied = await eventually(async () => {
      const res = await trips.as().post(`/api/trips/${trip.id}/participants`, { companyId: company.body.id, travellers: [traveller()] });
      expect(res.status).toBe(201);
      return res.body as { id: string };
    });
    await trips.as().post(`/api/trips/${trip.id}/participants/${applied.id}/accept`).expect(200);
    return company.body.id;
  };

  it('an agreement with a partner given by name registers the partner there and opens the relationship at agreement; a changed outcome corrects it', async () => {
    const trip = await createTrip(trips);
    const companyId = await registeredCompany(trip);
    await startTrip(trips, trip.id);
    const name = `Poznańska Hurtownia ${randomUUID().slice(0, 6)} S.A.`;
    const meeting = await trips.as().post(`/api/trips/${trip.id}/meetings`, {
      companyId,
      partner: { name, countryCode: 'PL', targetRegion: 'poznan' },
      at: new Date(Date.now() - 60_000).toISOString(),
    }).expect(201);
    await trips.as().put(`/api/trips/${trip.id}/meetings/${meeting.body.id}/outcome`, { outcome: 'agreement' }).expect(200);

    const [relationship] = await eventually(async () => {
      const found = await relationshipsOf(companyId);
      expect(found.map((r) => [r.partner.name, r.stage])).toEqual([[name, 'agreement']]);
      return found;
    });
    const partner = await atCompanies('GET', `/api/partners/${relationship.partner.id}`);
    expect(partner.body).toMatchObject({ name, countryCode: 'PL', targetRegion: 'poznan' });
    // The companies service's RelationshipStageChanged tells the trips service the partner's id.
    await eventually(async () => expect((await trips.as().get(`/api/trips/${trip.id}/meetings/${meeting.body.id}`).expect(200)).body.partner.id).toBe(relationship.partner.id));

    // Only a follow-up was agreed after all: the same relationship goes back to meeting.
    await trips.as().put(`/api/trips/${trip.id}/meetings/${meeting.body.id}/outcome`, { outcome: 'follow-up', followUpOn: '2027-01-15' }).expect(200);
    await eventually(async () => expect((await relationshipsOf(companyId)).map((r) => [r.id, r.stage])).toEqual([[relationship.id, 'meeting']]));
    const history = (await atCompanies('GET', `/api/relationships/${relationship.id}`)).body.history as { toStage: string; cause: { kind: string; id: string } }[];
    expect(history.map((h) => [h.toStage, h.cause.kind, h.cause.id])).toEqual([
      ['agreement', 'partner-meeting', meeting.body.id],
      ['meeting', 'partner-meeting', meeting.body.id],
    ]);
  });

  it('a meeting with a partner known by id moves the company\'s relationship with it to agreement', async () => {
    const trip = await createTrip(trips);
    const companyId = await registeredCompany(trip);
    await startTrip(trips, trip.id);
    const partner = await atCompanies('POST', '/api/partners', { name: `Novara Dolci ${randomUUID().slice(0, 6)} S.r.l.`, countryCode: 'IT', targetRegion: 'novara' });
    expect(partner.status).toBe(201);
    // The trips service learns of a partner from the companies service's relationship events.
    const opened = await atCompanies('POST', `/api/companies/${companyId}/relationships`, { partnerId: partner.body.id, stage: 'contacted', at: new Date(Date.now() - 86_400_000).toISOString() });
    expect(opened.status).toBe(201);
    const meeting = await eventually(async () => {
      const res = await trips.as().post(`/api/trips/${trip.id}/meetings`, { companyId, partnerId: partner.body.id, at: new Date(Date.now() - 60_000).toISOString() });
      expect(res.status).toBe(201);
      return res.body as { id: string; partner: { countryCode: string; targetRegion: string } };
    });
    expect(meeting.partner).toMatchObject({ countryCode: 'IT', targetRegion: 'novara' });
    await trips.as().put(`/api/trips/${trip.id}/meetings/${meeting.id}/outcome`, { outcome: 'agreement' }).expect(200);
    await eventually(async () => expect((await relationshipsOf(companyId)).map((r) => [r.id, r.stage])).toEqual([[opened.body.id, 'agreement']]));
  });

  it('refuses a partner id the companies service never told of', async () => {
    const trip = await createTrip(trips);
    const companyId = await registeredCompany(trip);
    const partner = await atCompanies('POST', '/api/partners', { name: `Lonely Partner ${randomUUID().slice(0, 6)} GmbH`, countryCode: 'DE' });
    expectError(await trips.as().post(`/api/trips/${trip.id}/meetings`, { companyId, partnerId: partner.body.id, at: `${trip.startsOn}T10:00:00Z` }), 422, 'UNKNOWN_PARTNER');
  });
});
