import { randomUUID } from 'node:crypto';
import { createEvent, type EventsApp, expectError, hoursFromNow, person, register, seedCompany, startEvent, startEventsApp } from './support/events-app';

describe('registrations (real Postgres)', () => {
  let app: EventsApp;
  let company: string;

  beforeAll(async () => {
    app = await startEventsApp();
    company = await seedCompany(app);
  });
  afterAll(() => app?.close());

  const list = (eventId: string, query = '') =>
    app.http().get(`/api/events/${eventId}/registrations${query}`).set('Authorization', `Bearer ${app.tokens.staff}`);
  const cancel = (eventId: string, registrationId: string, token = app.tokens.staff) =>
    app.http().delete(`/api/events/${eventId}/registrations/${registrationId}`).set('Authorization', `Bearer ${token}`);

  describe('capacity and waitlist', () => {
    it('registers while seats remain, then waitlists in order', async () => {
      const event = await createEvent(app, { capacity: 2 });
      const statuses = [];
      for (let i = 0; i < 5; i++) {
        const res = await register(app, event.id, { companyId: company, participant: person() }).expect(201);
        expect(res.body).toMatchObject({ id: expect.any(String), status: expect.any(String), eventId: event.id, companyId: company });
        statuses.push([res.body.status, res.body.waitlistPosition]);
      }
      expect(statuses).toEqual([
        ['registered', null],
        ['registered', null],
        ['waitlisted', 1],
        ['waitlisted', 2],
        ['waitlisted', 3],
      ]);
      const read = await app.http().get(`/api/events/${event.id}`).set('Authorization', `Bearer ${app.tokens.staff}`).expect(200);
      expect(read.body.seats).toEqual({ registered: 2, waitlisted: 3, available: 0 });
    });

    it('gives a freed seat to the first on the waitlist, keeping the order of the rest', async () => {
      const event = await createEvent(app, { capacity: 1 });
      const ids: string[] = [];
      for (let i = 0; i < 4; i++) ids.push((await register(app, event.id, { companyId: company, participant: person() }).expect(201)).body.id);

      const cancelled = await cancel(event.id, ids[0]).expect(200);
      expect(cancelled.body).toMatchObject({ id: ids[0], status: 'cancelled', cancelledAt: expect.any(String) });

      const registered = await list(event.id, '?status=registered').expect(200);
      expect(registered.body.items).toEqual([expect.objectContaining({ id: ids[1], status: 'registered', promotedAt: expect.any(String) })]);
      const waitlisted = await list(event.id, '?status=waitlisted').expect(200);
      expect(waitlisted.body.items.map((r: { id: string }) => r.id)).toEqual([ids[2], ids[3]]);

      // A waitlisted one leaving frees no seat and promotes nobody.
      await cancel(event.id, ids[2]).expect(200);
      const after = await list(event.id).expect(200);
      expect(after.body.items.map((r: { status: string }) => r.status)).toEqual(['cancelled', 'registered', 'cancelled', 'waitlisted']);
      const read = await app.http().get(`/api/events/${event.id}`).set('Authorization', `Bearer ${app.tokens.staff}`).expect(200);
      expect(read.body.seats).toEqual({ registered: 1, waitlisted: 1, available: 0 });
    });

    it('cancelling twice answers the cancelled registration and promotes nobody twice', async () => {
      const event = await createEvent(app, { capacity: 1 });
      const first = (await register(app, event.id, { companyId: company, participant: person() }).expect(201)).body.id;
      const second = (await register(app, event.id, { companyId: company, participant: person() }).expect(201)).body.id;
      const third = (await register(app, event.id, { companyId: company, participant: person() }).expect(201)).body.id;
      await cancel(event.id, first).expect(200);
      await cancel(event.id, first).expect(200);
      const statuses = (await list(event.id).expect(200)).body.items.map((r: { id: string; status: string }) => [r.id, r.status]);
      expect(statuses).toEqual([
        [first, 'cancelled'],
        [second, 'registered'],
        [third, 'waitlisted'],
      ]);
    });

    it('raising the capacity promotes the waitlist in order; no limit promotes everyone', async () => {
      const event = await createEvent(app, { capacity: 1 });
      const ids: string[] = [];
      for (let i = 0; i < 4; i++) ids.push((await register(app, event.id, { companyId: company, participant: person() }).expect(201)).body.id);
      const patch = (body: object) => app.http().patch(`/api/events/${event.id}`).set('Authorization', `Bearer ${app.tokens.staff}`).send(body);

      const raised = await patch({ capacity: 2 }).expect(200);
      expect(raised.body.seats).toEqual({ registered: 2, waitlisted: 2, available: 0 });
      expect((await list(event.id, '?status=registered').expect(200)).body.items.map((r: { id: string }) => r.id)).toEqual([ids[0], ids[1]]);

      expectError(await patch({ capacity: 1 }), 409, 'CAPACITY_BELOW_REGISTERED');

      const unlimited = await patch({ capacity: null }).expect(200);
      expect(unlimited.body.seats).toEqual({ registered: 4, waitlisted: 0, available: null });
    });

    it('an event without capacity registers everyone', async () => {
      const event = await createEvent(app, { capacity: null });
      for (let i = 0; i < 3; i++) {
        expect((await register(app, event.id, { companyId: company, participant: person() }).expect(201)).body.status).toBe('registered');
      }
    });
  });

  describe('one registration per person', () => {
    it('refuses the same contact twice with 409 naming the existing registration, and takes them again after a cancellation', async () => {
      const event = await createEvent(app);
      const contactId = randomUUID();
      const first = await register(app, event.id, { companyId: company, participant: { contactId } }).expect(201);
      expect(first.body.participant).toEqual({ kind: 'contact', contactId, gender: 'undisclosed' });

      const again = await register(app, event.id, { companyId: company, participant: { contactId } });
      const body = expectError(again, 409, 'ALREADY_REGISTERED');
      expect(body.details).toEqual({ registrationId: first.body.id, status: 'registered' });

      await cancel(event.id, first.body.id).expect(200);
      await register(app, event.id, { companyId: company, participant: { contactId } }).expect(201);
    });

    it('refuses the same e-mail address twice, whatever its case', async () => {
      const event = await createEvent(app);
      const first = await register(app, event.id, { companyId: company, participant: { name: 'Eva Berg', email: 'Eva.Berg@Example.se' } }).expect(201);
      const again = await register(app, event.id, { companyId: company, participant: { name: 'Eva B.', email: 'eva.berg@example.SE' } });
      expect(expectError(again, 409, 'ALREADY_REGISTERED').details).toMatchObject({ registrationId: first.body.id });
    });

    it('refuses the same person twice even when both requests arrive at once', async () => {
      const event = await createEvent(app);
      const contactId = randomUUID();
      const answers = await Promise.all(Array.from({ length: 5 }, () => register(app, event.id, { companyId: company, participant: { contactId } })));
      expect(answers.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    });
  });

  describe('when registration is refused', () => {
    it('after the registration deadline', async () => {
      const event = await createEvent(app, { registrationClosesAt: hoursFromNow(-1) });
      const body = expectError(await register(app, event.id, { companyId: company, participant: person() }), 409, 'REGISTRATION_CLOSED');
      expect(body.details).toMatchObject({ eventId: event.id, closedAt: expect.any(String) });
    });

    it('for an event that has started or is over', async () => {
      const past = await createEvent(app, { startsAt: hoursFromNow(-48), endsAt: hoursFromNow(-45) });
      expectError(await register(app, past.id, { companyId: company, participant: person() }), 409, 'EVENT_ALREADY_STARTED');
      const running = await createEvent(app, { startsAt: hoursFromNow(-1), endsAt: hoursFromNow(1) });
      expectError(await register(app, running.id, { companyId: company, participant: person() }), 409, 'EVENT_ALREADY_STARTED');
    });

    it('for a cancelled event', async () => {
      const event = await createEvent(app);
      await app.http().post(`/api/events/${event.id}/cancel`).set('Authorization', `Bearer ${app.tokens.staff}`).expect(200);
      expectError(await register(app, event.id, { companyId: company, participant: person() }), 409, 'EVENT_CANCELLED');
    });

    it('for a company this service does not know', async () => {
      const event = await createEvent(app);
      const unknown = randomUUID();
      const body = expectError(await register(app, event.id, { companyId: unknown, participant: person() }), 422, 'UNKNOWN_COMPANY');
      expect(body.details).toEqual({ companyId: unknown });
    });

    it('for a company merged into another, naming the surviving one', async () => {
      const event = await createEvent(app);
      const survivor = await seedCompany(app);
      const merged = await seedCompany(app, { mergedInto: survivor });
      const body = expectError(await register(app, event.id, { companyId: merged, participant: person() }), 422, 'COMPANY_MERGED');
      expect(body.details).toEqual({ companyId: merged, mergedInto: survivor });
    });

    it('for an event that does not exist, or an id that is not one', async () => {
      expectError(await register(app, randomUUID(), { companyId: company, participant: person() }), 404, 'EVENT_NOT_FOUND');
      const malformed = expectError(await register(app, 'not-a-uuid', { companyId: company, participant: person() }), 400, 'VALIDATION_FAILED');
      expect(malformed.details).toEqual([{ field: 'eventId', rule: 'isUuid', message: 'must be a UUID' }]);
    });

    it.each([
      ['no participant', {}, 'participant'],
      ['neither contactId nor name', { participant: { gender: 'man' } }, 'participant.contactId'],
      ['both contactId and name', { participant: { contactId: randomUUID(), name: 'Anna' } }, 'participant.contactId'],
      ['an e-mail with a contact', { participant: { contactId: randomUUID(), email: 'a@example.se' } }, 'participant.email'],
      ['a malformed e-mail', { participant: { name: 'Anna', email: 'not-an-address' } }, 'participant.email'],
      ['an unknown gender', { participant: { name: 'Anna', gender: 'unknown' } }, 'participant.gender'],
      ['an unknown field', { participant: { name: 'Anna' }, note: 'x' }, 'note'],
    ])('with 400 for %s', async (_case, body, field) => {
      const event = await createEvent(app);
      const res = await register(app, event.id, { companyId: company, ...body });
      expect(expectError(res, 400, 'VALIDATION_FAILED').details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    });
  });

  describe('who may do what', () => {
    it('a company user registers and cancels people of their own company only', async () => {
      const event = await createEvent(app);
      const other = await seedCompany(app);
      const own = await app.companyToken(company);

      const mine = await register(app, event.id, { companyId: company, participant: person() }, own).expect(201);
      expectError(await register(app, event.id, { companyId: other, participant: person() }, own), 403, 'FORBIDDEN');

      const theirs = await register(app, event.id, { companyId: other, participant: person() }).expect(201);
      expectError(await cancel(event.id, theirs.body.id, own), 403, 'FORBIDDEN');
      await app.http().get(`/api/events/${event.id}/registrations/${mine.body.id}`).set('Authorization', `Bearer ${own}`).expect(200);
      expectError(
        await app.http().get(`/api/events/${event.id}/registrations/${theirs.body.id}`).set('Authorization', `Bearer ${own}`),
        403,
        'FORBIDDEN',
      );
      await cancel(event.id, mine.body.id, own).expect(200);
    });

    it('only staff see the registration lists', async () => {
      const event = await createEvent(app);
      for (const token of [await app.companyToken(company), app.tokens.financier]) {
        expectError(await app.http().get(`/api/events/${event.id}/registrations`).set('Authorization', `Bearer ${token}`), 403, 'FORBIDDEN');
      }
      await list(event.id).expect(200);
    });

    it('a financier cannot register anyone', async () => {
      const event = await createEvent(app);
      expectError(await register(app, event.id, { companyId: company, participant: person() }, app.tokens.financier), 403, 'FORBIDDEN');
    });

    it('nobody cancels a registration once the event has started', async () => {
      const event = await createEvent(app);
      const registration = await register(app, event.id, { companyId: company, participant: person() }).expect(201);
      await startEvent(app, event.id);
      expectError(await cancel(event.id, registration.body.id), 409, 'EVENT_ALREADY_STARTED');
    });
  });

  it('erases the name and address of a participant given by name at every event, keeping the rest', async () => {
    const [one, two] = [await createEvent(app), await createEvent(app)];
    const email = `erase-me-${randomUUID().slice(0, 6)}@example.se`;
    const a = (await register(app, one.id, { companyId: company, participant: { name: 'Erik Eriksson', email, gender: 'man' } }).expect(201)).body;
    const b = (await register(app, two.id, { companyId: company, participant: { name: 'Erik E.', email: email.toUpperCase() } }).expect(201)).body;
    const erase = (body: object, token = app.tokens.staff) => app.http().post('/api/participant-erasures').set('Authorization', `Bearer ${token}`).send(body);

    expectError(await erase({ email }, await app.companyToken(company)), 403, 'FORBIDDEN');
    expectError(await erase({ email: 'not-an-address' }), 400, 'VALIDATION_FAILED');
    expect((await erase({ email }).expect(200)).body).toEqual({ erasedRegistrations: 2 });

    const read = await app.http().get(`/api/events/${one.id}/registrations/${a.id}`).set('Authorization', `Bearer ${app.tokens.staff}`).expect(200);
    expect(read.body).toMatchObject({ status: 'registered', companyId: company, participant: { kind: 'erased', gender: 'man' } });
    expect(await app.sql('SELECT name, email FROM registration WHERE id = ANY($1)', [[a.id, b.id]])).toEqual([
      { name: null, email: null },
      { name: null, email: null },
    ]);
  });

  it('lists with paging and a status filter, in the common collection shape', async () => {
    const event = await createEvent(app, { capacity: 3 });
    for (let i = 0; i < 5; i++) await register(app, event.id, { companyId: company, participant: person() }).expect(201);
    const page = await list(event.id, '?page=2&pageSize=2').expect(200);
    expect(page.body).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(page.body.items).toHaveLength(2);
    const waitlisted = await list(event.id, '?status=waitlisted').expect(200);
    expect(waitlisted.body.items.map((r: { waitlistPosition: number }) => r.waitlistPosition)).toEqual([1, 2]);
    expectError(await list(event.id, '?status=maybe'), 400, 'VALIDATION_FAILED');
  });
});
