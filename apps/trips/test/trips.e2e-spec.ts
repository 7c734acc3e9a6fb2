import { randomUUID } from 'node:crypto';
import {
  acceptedParticipant,
  apply,
  createTrip,
  dayFromToday,
  delegation,
  expectError,
  outboxEvents,
  seedCompany,
  startTrip,
  type TripsApp,
  startTripsApp,
} from './support/trips-app';

describe('trips: planning, editing and the state machine (real Postgres)', () => {
  let app: TripsApp;

  beforeAll(async () => {
    app = await startTripsApp();
  });
  afterAll(() => app?.close());

  describe('planning', () => {
    it('plans a trip and publishes TripPlanned with its itinerary', async () => {
      const body = delegation({
        destinations: [
          { country: 'pl', targetRegion: 'poznan', city: 'Poznań' },
          { country: 'IT', targetRegion: 'novara' },
          { country: 'PL', city: 'Warsaw' },
        ],
      });
      const created = await app.as().post('/api/trips', body).expect(201);
      expect(created.body).toMatchObject({
        status: 'planned',
        startsOn: body.startsOn,
        endsOn: body.endsOn,
        capacity: 10,
        applicationClosesOn: null,
        subsidyPerCompanySek: 15000,
        places: { accepted: 0, available: 10 },
        travelled: null,
        destinations: [
          { country: 'PL', targetRegion: 'poznan', city: 'Poznań' },
          { country: 'IT', targetRegion: 'novara', city: null },
          { country: 'PL', targetRegion: null, city: 'Warsaw' },
        ],
      });
      const [planned] = (await outboxEvents(app, 'TripPlanned')).filter((e) => e.data.tripId === created.body.id);
      expect(planned.data).toEqual({
        tripId: created.body.id,
        title: body.title,
        destinationCountries: ['PL', 'IT'],
        targetRegions: ['poznan', 'novara'],
        startsOn: body.startsOn,
        endsOn: body.endsOn,
        financierIds: ['eu', 'region-vasterbotten'],
      });
      expect((await app.as().get(`/api/trips/${created.body.id}`).expect(200)).body).toEqual(created.body);
    });

    it('refuses bad bodies with 400, naming each field', async () => {
      const fields = async (body: Record<string, unknown>) =>
        (expectError(await app.as().post('/api/trips', body), 400, 'VALIDATION_FAILED').details as { field: string }[]).map((d) => d.field);
      expect(await fields(delegation({ startsOn: dayFromToday(-1) }))).toEqual(['startsOn']);
      expect(await fields(delegation({ endsOn: dayFromToday(29) }))).toEqual(['endsOn']);
      expect(await fields(delegation({ applicationClosesOn: dayFromToday(31) }))).toEqual(['applicationClosesOn']);
      expect(await fields(delegation({ destinations: [] }))).toEqual(['destinations']);
      expect(await fields(delegation({ destinations: [{ country: 'XX' }] }))).toEqual(['destinations.0.country']);
      expect(await fields(delegation({ destinations: [{ country: 'FR', targetRegion: 'poznan' }] }))).toEqual(['destinations.0.targetRegion']);
      expect(await fields(delegation({ destinations: [{ country: 'FR', targetRegion: 'atlantis' }] }))).toEqual(['destinations.0.targetRegion']);
      expect(await fields(delegation({ startsOn: '2026-02-30' }))).toContain('startsOn');
      expect(await fields(delegation({ capacity: 0, financiers: ['nobody'], subsidyPerCompanySek: -1 }))).toEqual(['capacity', 'financiers', 'subsidyPerCompanySek']);
      expect(await fields(delegation({ title: '', unknown: 1 }))).toEqual(expect.arrayContaining(['title', 'unknown']));
      expectError(await app.as().post('/api/trips').set('Content-Type', 'application/json').send('{"title":'), 400, expect.any(String) as unknown as string);
    });

    // The document says these fields are nullable because the service takes null as "left out"; the
    // request check of the test agent fails this test if the document refuses a body the service took.
    it('takes null for an optional field as left out, as its OpenAPI document says', async () => {
      const created = await app.as().post('/api/trips', delegation({ capacity: null, applicationClosesOn: null, financiers: null, subsidyPerCompanySek: null })).expect(201);
      expect(created.body).toMatchObject({ capacity: null, applicationClosesOn: null, financiers: [], subsidyPerCompanySek: 0, places: { accepted: 0, available: null } });
    });

    it('allows a trip starting today', async () => {
      const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/Stockholm' });
      await app.as().post('/api/trips', delegation({ startsOn: today, endsOn: dayFromToday(3) })).expect(201);
    });
  });

  describe('listing', () => {
    it('filters by status, country, target region, financier and start, paged', async () => {
      const marker = dayFromToday(200);
      const indian = await createTrip(app, { startsOn: marker, endsOn: dayFromToday(205), destinations: [{ country: 'IN', targetRegion: 'karnataka' }], financiers: ['umea-kommun'] });
      const french = await createTrip(app, { startsOn: dayFromToday(201), endsOn: dayFromToday(205), destinations: [{ country: 'FR', targetRegion: 'ile-de-france' }] }, false);
      const ids = async (query: string) =>
        ((await app.as().get(`/api/trips?startsFrom=${marker}&${query}`).expect(200)).body.items as { id: string }[]).map((t) => t.id);
      expect(await ids('')).toEqual([indian.id, french.id]);
      expect(await ids('country=in')).toEqual([indian.id]);
      expect(await ids('targetRegion=ile-de-france')).toEqual([french.id]);
      expect(await ids('financier=umea-kommun')).toEqual([indian.id]);
      expect(await ids('status=planned')).toEqual([french.id]);
      expect(await ids(`startsBefore=${dayFromToday(201)}`)).toEqual([indian.id]);
      const page = await app.as().get(`/api/trips?startsFrom=${marker}&pageSize=1&page=2`).expect(200);
      expect(page.body).toEqual({ items: [expect.objectContaining({ id: french.id })], total: 2, page: 2, pageSize: 1 });
      expectError(await app.as().get('/api/trips?pageSize=101'), 400, 'VALIDATION_FAILED');
      expectError(await app.as().get('/api/trips?status=sailing'), 400, 'VALIDATION_FAILED');
      expectError(await app.as().get('/api/trips?startsFrom=tomorrow'), 400, 'VALIDATION_FAILED');
    });

    it('answers 404 for an unknown trip and 400 for a malformed id', async () => {
      expectError(await app.as().get(`/api/trips/${randomUUID()}`), 404, 'TRIP_NOT_FOUND');
      expectError(await app.as().get('/api/trips/42'), 400, 'VALIDATION_FAILED');
      expectError(await app.as().post(`/api/trips/${randomUUID()}/open`), 404, 'TRIP_NOT_FOUND');
    });
  });

  describe('editing', () => {
    it('changes the editable fields and keeps the others', async () => {
      const trip = await createTrip(app, {}, false);
      const changed = await app.as().patch(`/api/trips/${trip.id}`, { title: 'Poznań and Warsaw', capacity: null, financiers: ['eu'], subsidyPerCompanySek: 20000 }).expect(200);
      expect(changed.body).toMatchObject({ title: 'Poznań and Warsaw', capacity: null, financiers: ['eu'], subsidyPerCompanySek: 20000, startsOn: trip.startsOn, places: { available: null } });
      expectError(await app.as().patch(`/api/trips/${trip.id}`, { endsOn: '2020-01-01' }), 400, 'VALIDATION_FAILED');
      expectError(await app.as().patch(`/api/trips/${trip.id}`, { title: null }), 400, 'VALIDATION_FAILED');
      expectError(await app.as().patch(`/api/trips/${trip.id}`, { status: 'open' }), 400, 'VALIDATION_FAILED');
    });

    it('never lowers the capacity below the accepted companies', async () => {
      const trip = await createTrip(app);
      for (let i = 0; i < 2; i++) await acceptedParticipant(app, trip.id, await seedCompany(app));
      const refused = expectError(await app.as().patch(`/api/trips/${trip.id}`, { capacity: 1 }), 409, 'CAPACITY_BELOW_ACCEPTED');
      expect(refused.details).toEqual({ capacity: 1, accepted: 2 });
      await app.as().patch(`/api/trips/${trip.id}`, { capacity: 2 }).expect(200);
    });
  });

  describe('the state machine', () => {
    it('goes planned → open → closed → open → closed → completed', async () => {
      const trip = await createTrip(app, {}, false);
      expect((await app.as().post(`/api/trips/${trip.id}/open`).expect(200)).body).toMatchObject({ status: 'open', openedAt: expect.any(String) });
      expect((await app.as().post(`/api/trips/${trip.id}/close`).expect(200)).body.status).toBe('closed');
      expect((await app.as().post(`/api/trips/${trip.id}/open`).expect(200)).body.status).toBe('open');
      await app.as().post(`/api/trips/${trip.id}/close`).expect(200);
      await startTrip(app, trip.id);
      // No body: every accepted company travelled.
      expect((await app.as().post(`/api/trips/${trip.id}/complete`).expect(200)).body).toMatchObject({ status: 'completed', completionRevision: 1, travelled: [] });
    });

    it('refuses transitions the machine does not have, with 409 TRIP_STATUS_CONFLICT', async () => {
      const planned = await createTrip(app, {}, false);
      expect(expectError(await app.as().post(`/api/trips/${planned.id}/close`), 409, 'TRIP_STATUS_CONFLICT').details).toEqual({ tripId: planned.id, status: 'planned' });
      await startTrip(app, planned.id);
      expectError(await app.as().post(`/api/trips/${planned.id}/complete`, {}), 409, 'TRIP_STATUS_CONFLICT');
      const open = await createTrip(app);
      expectError(await app.as().post(`/api/trips/${open.id}/open`), 409, 'TRIP_STATUS_CONFLICT');
    });

    it('cancels from any state before completion, publishing TripCancelled; a cancelled trip is not completed, edited or applied to', async () => {
      const company = await seedCompany(app);
      for (const open of [false, true]) {
        const trip = await createTrip(app, {}, open);
        const cancelled = await app.as().post(`/api/trips/${trip.id}/cancel`).expect(200);
        expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelledAt: expect.any(String) });
        expect((await outboxEvents(app, 'TripCancelled')).filter((e) => e.data.tripId === trip.id)).toEqual([
          expect.objectContaining({ data: { tripId: trip.id, cancelledAt: cancelled.body.cancelledAt } }),
        ]);
        expectError(await app.as().post(`/api/trips/${trip.id}/cancel`), 409, 'TRIP_STATUS_CONFLICT');
        expectError(await app.as().post(`/api/trips/${trip.id}/open`), 409, 'TRIP_STATUS_CONFLICT');
        expectError(await app.as().patch(`/api/trips/${trip.id}`, { title: 'Again' }), 409, 'TRIP_NOT_EDITABLE');
        expectError(await apply(app, trip.id, company), 409, 'TRIP_NOT_OPEN');
        expectError(await app.as().post(`/api/trips/${trip.id}/complete`, {}), 409, 'TRIP_STATUS_CONFLICT');
      }
    });

    it('completes a trip only from its first day on', async () => {
      const trip = await createTrip(app);
      expect(expectError(await app.as().post(`/api/trips/${trip.id}/complete`, {}), 409, 'TRIP_NOT_STARTED').details).toEqual({ tripId: trip.id, startsOn: trip.startsOn });
    });

    it('keeps a completed trip: no edits, no cancel, no applications', async () => {
      const trip = await createTrip(app);
      await startTrip(app, trip.id);
      await app.as().post(`/api/trips/${trip.id}/complete`, {}).expect(200);
      expectError(await app.as().patch(`/api/trips/${trip.id}`, { title: 'Later' }), 409, 'TRIP_NOT_EDITABLE');
      expectError(await app.as().post(`/api/trips/${trip.id}/cancel`), 409, 'TRIP_STATUS_CONFLICT');
      expectError(await apply(app, trip.id, await seedCompany(app)), 409, 'TRIP_NOT_OPEN');
    });
  });
});
