import { randomUUID } from 'node:crypto';
import { createEvent, type EventsApp, expectError, hoursFromNow, person, register, seedCompany, seminar, startEventsApp } from './support/events-app';

describe('programme events (real Postgres)', () => {
  let app: EventsApp;

  beforeAll(async () => {
    app = await startEventsApp();
  });
  afterAll(() => app?.close());

  const post = (body: object, token = app.tokens.staff) => app.http().post('/api/events').set('Authorization', `Bearer ${token}`).send(body);
  const patch = (id: string, body: object, token = app.tokens.staff) =>
    app.http().patch(`/api/events/${id}`).set('Authorization', `Bearer ${token}`).send(body);
  const get = (path: string, token = app.tokens.staff) => app.http().get(path).set('Authorization', `Bearer ${token}`);

  it('schedules an event and reads it back', async () => {
    const body = seminar({ registrationClosesAt: hoursFromNow(24 * 6) });
    const created = await post(body).expect(201);
    expect(created.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      kind: 'seminar',
      title: body.title,
      topic: 'transport-logistics',
      startsAt: new Date(body.startsAt as string).toISOString(),
      endsAt: new Date(body.endsAt as string).toISOString(),
      location: { city: 'Umeå', country: 'SE' },
      capacity: 40,
      targetCountry: 'PL',
      financiers: ['eu', 'region-vasterbotten'],
      registrationClosesAt: new Date(body.registrationClosesAt as string).toISOString(),
      ringId: null,
      status: 'scheduled',
      cancelledAt: null,
      seats: { registered: 0, waitlisted: 0, available: 40 },
      revision: 1,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const read = await get(`/api/events/${created.body.id}`).expect(200);
    expect(read.body).toEqual(created.body);
  });

  it('takes a trade fair abroad with lower-case country codes and no capacity', async () => {
    const res = await post(
      seminar({ kind: 'trade-fair', title: 'Tutto Food 2026', topic: 'market-entry', location: { city: 'Milano', country: 'it' }, targetCountry: 'it', capacity: undefined }),
    ).expect(201);
    expect(res.body).toMatchObject({ location: { city: 'Milano', country: 'IT' }, targetCountry: 'IT', capacity: null, seats: { available: null } });
  });

  it.each([
    ['an end before the start', { startsAt: hoursFromNow(10), endsAt: hoursFromNow(9) }, 'endsAt'],
    ['an end equal to the start', { startsAt: '2027-01-01T10:00:00Z', endsAt: '2027-01-01T10:00:00Z' }, 'endsAt'],
    ['registration closing after the start', { registrationClosesAt: hoursFromNow(24 * 8) }, 'registrationClosesAt'],
    ['capacity 0', { capacity: 0 }, 'capacity'],
    ['a fractional capacity', { capacity: 2.5 }, 'capacity'],
    ['an unknown country', { location: { city: 'Atlantis', country: 'XX' } }, 'location.country'],
    ['a three-letter country', { targetCountry: 'POL' }, 'targetCountry'],
    ['an unknown financier', { financiers: ['eu', 'acme-bank'] }, 'financiers'],
    ['a financier twice', { financiers: ['eu', 'eu'] }, 'financiers'],
    ['an unknown kind', { kind: 'party' }, 'kind'],
    ['an unknown topic', { topic: 'astrology' }, 'topic'],
    ['a date without a zone', { startsAt: '2027-01-01T10:00:00' }, 'startsAt'],
    ['a date that is not one', { startsAt: '2027-02-30T10:00:00Z' }, 'startsAt'],
    ['no location', { location: undefined }, 'location'],
    ['a ring meeting without its ring', { kind: 'export-ring-meeting' }, 'ringId'],
    ['a ring for a seminar', { ringId: randomUUID() }, 'ringId'],
    ['an unknown field', { colour: 'red' }, 'colour'],
  ])('refuses %s with 400 naming the field', async (_case, overrides, field) => {
    const res = await post(seminar(overrides));
    expect(expectError(res, 400, 'VALIDATION_FAILED').details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  });

  it('refuses malformed JSON and a non-object body with 400, never 500', async () => {
    const malformed = await app.http().post('/api/events').set('Authorization', `Bearer ${app.tokens.staff}`).set('Content-Type', 'application/json').send('{"kind":');
    expectError(malformed, 400, 'BAD_REQUEST');
    expect((await post([1, 2] as unknown as object)).status).toBe(400);
  });

  it('refuses a NUL character in a title with 400, never 500', async () => {
    const res = await post(seminar({ title: 'Export\u0000law' }));
    expect(expectError(res, 400, 'VALIDATION_FAILED').details).toEqual([expect.objectContaining({ field: 'title', rule: 'noNulCharacter' })]);
  });

  it('updates details, counting revisions, and checks the whole event after the change', async () => {
    const event = await createEvent(app);
    const updated = await patch(event.id, { title: 'Logistics to Poznań', capacity: 60, location: { city: 'Skellefteå', country: 'SE' } }).expect(200);
    expect(updated.body).toMatchObject({ title: 'Logistics to Poznań', capacity: 60, location: { city: 'Skellefteå', country: 'SE' }, revision: 2 });

    const unchanged = await patch(event.id, { title: 'Logistics to Poznań' }).expect(200);
    expect(unchanged.body.revision).toBe(2);

    const bad = await patch(event.id, { endsAt: hoursFromNow(1) });
    expect(expectError(bad, 400, 'VALIDATION_FAILED').details).toEqual([expect.objectContaining({ field: 'endsAt', rule: 'eventEndsAfterItStarts' })]);
    expectError(await patch(event.id, { title: null }), 400, 'VALIDATION_FAILED');
    expectError(await patch(event.id, { kind: 'trade-fair' }), 400, 'VALIDATION_FAILED');

    const cleared = await patch(event.id, { targetCountry: null, capacity: null }).expect(200);
    expect(cleared.body).toMatchObject({ targetCountry: null, capacity: null, revision: 3 });
  });

  it('cancels an event with its registrations, once', async () => {
    const company = await seedCompany(app);
    const event = await createEvent(app, { capacity: 1 });
    const a = await register(app, event.id, { companyId: company, participant: person() }).expect(201);
    const b = await register(app, event.id, { companyId: company, participant: person() }).expect(201);
    const cancelled = await app.http().post(`/api/events/${event.id}/cancel`).set('Authorization', `Bearer ${app.tokens.staff}`).expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelledAt: expect.any(String), seats: { registered: 0, waitlisted: 0 } });

    const registrations = await get(`/api/events/${event.id}/registrations`).expect(200);
    expect(registrations.body.items.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual([
      [a.body.id, 'cancelled'],
      [b.body.id, 'cancelled'],
    ]);
    expectError(await app.http().post(`/api/events/${event.id}/cancel`).set('Authorization', `Bearer ${app.tokens.staff}`), 409, 'EVENT_CANCELLED');
    expectError(await patch(event.id, { title: 'Too late' }), 409, 'EVENT_CANCELLED');
  });

  it('lists events by start with filters and paging', async () => {
    const ringless = await app.sql<{ n: string }>('SELECT count(*) AS n FROM programme_event');
    expect(Number(ringless[0].n)).toBeGreaterThan(0);
    const marker = `Fair ${randomUUID().slice(0, 8)}`;
    const late = await createEvent(app, { kind: 'country-briefing', topic: 'culture', title: marker, startsAt: '2031-05-02T08:00:00Z', endsAt: '2031-05-02T10:00:00Z', financiers: ['vannas-kommun'] });
    const early = await createEvent(app, { kind: 'country-briefing', topic: 'culture', title: marker, startsAt: '2031-05-01T08:00:00Z', endsAt: '2031-05-01T10:00:00Z', financiers: ['vannas-kommun'] });

    const filtered = await get('/api/events?kind=country-briefing&financier=vannas-kommun&startsFrom=2031-01-01T00:00:00Z').expect(200);
    expect(filtered.body).toMatchObject({ total: 2, page: 1, pageSize: 20 });
    expect(filtered.body.items.map((e: { id: string }) => e.id)).toEqual([early.id, late.id]);

    const second = await get('/api/events?kind=country-briefing&startsFrom=2031-01-01T00:00:00Z&pageSize=1&page=2').expect(200);
    expect(second.body.items.map((e: { id: string }) => e.id)).toEqual([late.id]);

    const none = await get('/api/events?kind=country-briefing&startsBefore=2031-05-01T08:00:00Z&startsFrom=2031-01-01T00:00:00Z').expect(200);
    expect(none.body).toMatchObject({ total: 0, items: [] });

    for (const query of ['?kind=party', '?pageSize=101', '?startsFrom=yesterday', '?financier=acme']) {
      expectError(await get(`/api/events${query}`), 400, 'VALIDATION_FAILED');
    }
  });

  it('answers 404 for an unknown event and 400 for an id that is not one', async () => {
    expectError(await get(`/api/events/${randomUUID()}`), 404, 'EVENT_NOT_FOUND');
    const malformed = expectError(await get('/api/events/42'), 400, 'VALIDATION_FAILED');
    expect(malformed.details).toEqual([{ field: 'eventId', rule: 'isUuid', message: 'must be a UUID' }]);
  });

  describe('who may do what', () => {
    it('staff and admin schedule, change and cancel; financiers and company users only read', async () => {
      const company = await app.companyToken(randomUUID());
      for (const token of [app.tokens.financier, company]) {
        expectError(await post(seminar(), token), 403, 'FORBIDDEN');
      }
      const event = (await post(seminar(), app.tokens.admin).expect(201)).body;
      for (const token of [app.tokens.financier, company]) {
        expectError(await patch(event.id, { title: 'x' }, token), 403, 'FORBIDDEN');
        expectError(await app.http().post(`/api/events/${event.id}/cancel`).set('Authorization', `Bearer ${token}`), 403, 'FORBIDDEN');
        await get(`/api/events/${event.id}`, token).expect(200);
        await get('/api/events', token).expect(200);
      }
      expectError(await app.http().get('/api/events'), 401, 'UNAUTHORIZED');
    });
  });

  it('describes its API in the OpenAPI document', async () => {
    const doc = (await app.http().get('/api/docs/openapi.json').expect(200)).body;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/events',
        '/api/events/{eventId}',
        '/api/events/{eventId}/cancel',
        '/api/events/{eventId}/registrations',
        '/api/events/{eventId}/registrations/{registrationId}',
        '/api/events/{eventId}/registrations/{registrationId}/attendance',
        '/api/events/{eventId}/attendance',
        '/api/events/{eventId}/exhibitors',
        '/api/export-rings',
        '/api/export-rings/{ringId}/members',
        '/api/export-rings/{ringId}/members/{membershipId}/leave',
      ]),
    );
    expect(doc.paths['/api/events'].get.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/PageOfProgrammeEventDto');
    expect(doc.components.schemas.RegistrationDto.properties.status.enum).toEqual(['registered', 'waitlisted', 'cancelled']);
  });
});
