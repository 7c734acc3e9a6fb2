import { randomUUID } from 'node:crypto';
import { createEvent, type EventsApp, expectError, person, register, seedCompany, startEventsApp } from './support/events-app';

describe('export rings and circles (real Postgres)', () => {
  let app: EventsApp;

  beforeAll(async () => {
    app = await startEventsApp();
  });
  afterAll(() => app?.close());

  const staff = () => app.tokens.staff;
  const createRing = async (body: object = {}) =>
    (
      await app
        .http()
        .post('/api/export-rings')
        .set('Authorization', `Bearer ${staff()}`)
        .send({ name: 'Exportring Skellefteå', city: 'Skellefteå', facilitator: 'Maria Nilsson', ...body })
        .expect(201)
    ).body as { id: string; kind: string };
  const join = (ringId: string, companyId: string, joinedOn: string, token = staff()) =>
    app.http().post(`/api/export-rings/${ringId}/members`).set('Authorization', `Bearer ${token}`).send({ companyId, joinedOn });
  const leave = (ringId: string, membershipId: string, leftOn: string) =>
    app.http().post(`/api/export-rings/${ringId}/members/${membershipId}/leave`).set('Authorization', `Bearer ${staff()}`).send({ leftOn });
  const meeting = (ringId: string, day: string, overrides: Record<string, unknown> = {}) =>
    createEvent(app, {
      kind: 'export-ring-meeting',
      topic: 'other',
      title: 'Ring meeting',
      ringId,
      startsAt: `${day}T13:00:00Z`,
      endsAt: `${day}T15:00:00Z`,
      location: { city: 'Skellefteå', country: 'SE' },
      capacity: undefined,
      targetCountry: undefined,
      ...overrides,
    });
  const registrations = async (eventId: string) =>
    (await app.http().get(`/api/events/${eventId}/registrations?pageSize=100`).set('Authorization', `Bearer ${staff()}`).expect(200)).body.items as {
      id: string;
      companyId: string;
      status: string;
      source: string;
      participant: { kind: string };
    }[];

  it('forms a ring (export ring by default) and an export circle', async () => {
    const ring = await createRing();
    expect(ring).toMatchObject({ id: expect.any(String), kind: 'export-ring', name: 'Exportring Skellefteå', city: 'Skellefteå', facilitator: 'Maria Nilsson' });
    const circle = await createRing({ kind: 'export-circle', name: 'Exportcirkel Umeå', city: 'Umeå' });
    expect(circle.kind).toBe('export-circle');
    const list = await app.http().get('/api/export-rings?kind=export-circle').set('Authorization', `Bearer ${staff()}`).expect(200);
    expect(list.body.items.map((r: { id: string }) => r.id)).toContain(circle.id);
    expect(list.body.items.map((r: { id: string }) => r.id)).not.toContain(ring.id);
  });

  describe('membership dates', () => {
    it('takes a company for a period, and again after it left, but never twice at once', async () => {
      const ring = await createRing();
      const company = await seedCompany(app);
      const first = await join(ring.id, company, '2026-01-15').expect(201);
      expect(first.body).toEqual({ id: expect.any(String), ringId: ring.id, companyId: company, joinedOn: '2026-01-15', leftOn: null });

      const twice = expectError(await join(ring.id, company, '2026-03-01'), 409, 'ALREADY_MEMBER');
      expect(twice.details).toEqual({ membershipId: first.body.id, joinedOn: '2026-01-15', leftOn: null });

      const left = await leave(ring.id, first.body.id, '2026-06-30').expect(200);
      expect(left.body.leftOn).toBe('2026-06-30');
      expectError(await join(ring.id, company, '2026-06-30'), 409, 'ALREADY_MEMBER');
      expectError(await join(ring.id, company, '2025-12-01'), 409, 'ALREADY_MEMBER');
      const again = await join(ring.id, company, '2026-09-01').expect(201);

      const activeInMay = await app.http().get(`/api/export-rings/${ring.id}/members?activeOn=2026-05-01`).set('Authorization', `Bearer ${staff()}`).expect(200);
      expect(activeInMay.body.items.map((m: { id: string }) => m.id)).toEqual([first.body.id]);
      const activeInAutumn = await app.http().get(`/api/export-rings/${ring.id}/members?activeOn=2026-10-01`).set('Authorization', `Bearer ${staff()}`).expect(200);
      expect(activeInAutumn.body.items.map((m: { id: string }) => m.id)).toEqual([again.body.id]);
      const lastDay = await app.http().get(`/api/export-rings/${ring.id}/members?activeOn=2026-06-30`).set('Authorization', `Bearer ${staff()}`).expect(200);
      expect(lastDay.body.total).toBe(1);
    });

    it('refuses leaving before joining, leaving twice, and malformed dates', async () => {
      const ring = await createRing();
      const membership = (await join(ring.id, await seedCompany(app), '2026-02-01').expect(201)).body;
      expect(expectError(await leave(ring.id, membership.id, '2026-01-31'), 422, 'LEAVES_BEFORE_JOINING').details).toEqual({
        joinedOn: '2026-02-01',
        leftOn: '2026-01-31',
      });
      await leave(ring.id, membership.id, '2026-02-01').expect(200);
      expectError(await leave(ring.id, membership.id, '2026-03-01'), 409, 'MEMBERSHIP_ALREADY_ENDED');
      expectError(await leave(ring.id, randomUUID(), '2026-03-01'), 404, 'MEMBERSHIP_NOT_FOUND');
      expectError(await join(ring.id, await seedCompany(app), '2026-02-30'), 400, 'VALIDATION_FAILED');
      expectError(await join(ring.id, await seedCompany(app), '1 May'), 400, 'VALIDATION_FAILED');
    });

    it('refuses unknown and merged companies, and unknown rings', async () => {
      const ring = await createRing();
      expectError(await join(ring.id, randomUUID(), '2026-02-01'), 422, 'UNKNOWN_COMPANY');
      const survivor = await seedCompany(app);
      const merged = await seedCompany(app, { mergedInto: survivor });
      expect(expectError(await join(ring.id, merged, '2026-02-01'), 422, 'COMPANY_MERGED').details).toMatchObject({ mergedInto: survivor });
      expectError(await join(randomUUID(), survivor, '2026-02-01'), 404, 'EXPORT_RING_NOT_FOUND');
    });
  });

  describe('meetings', () => {
    it('invite the companies that are members on the meeting\'s day', async () => {
      const ring = await createRing();
      const [early, late, gone] = [await seedCompany(app), await seedCompany(app), await seedCompany(app)];
      await join(ring.id, early, '2030-01-01').expect(201);
      await join(ring.id, late, '2030-06-01').expect(201);
      const goneMembership = (await join(ring.id, gone, '2030-01-01').expect(201)).body;
      await leave(ring.id, goneMembership.id, '2030-03-31').expect(200);

      const march = await meeting(ring.id, '2030-03-31');
      expect((await registrations(march.id)).map((r) => r.companyId).sort()).toEqual([early, gone].sort());
      const may = await meeting(ring.id, '2030-05-15');
      const invited = await registrations(may.id);
      expect(invited).toEqual([expect.objectContaining({ companyId: early, status: 'registered', source: 'ring-invitation', participant: { kind: 'unnamed', gender: 'undisclosed' } })]);
    });

    it('let an invited company name its participant on the invitation\'s seat', async () => {
      const ring = await createRing();
      const company = await seedCompany(app);
      await join(ring.id, company, '2030-01-01').expect(201);
      const event = await meeting(ring.id, '2030-02-10', { capacity: 1 });
      const [invitation] = await registrations(event.id);

      const own = await app.companyToken(company);
      const named = await register(app, event.id, { companyId: company, participant: { name: 'Anna Lindqvist', gender: 'woman' } }, own).expect(201);
      expect(named.body).toMatchObject({ id: invitation.id, status: 'registered', participant: { kind: 'person', name: 'Anna Lindqvist' } });
      // A second person of the company is a sign-up of its own, here on the waitlist (one seat).
      const second = await register(app, event.id, { companyId: company, participant: person() }, own).expect(201);
      expect(second.body).toMatchObject({ status: 'waitlisted', source: 'sign-up' });
    });

    it('invite a company that joins to the meetings to come, and withdraw them when it leaves', async () => {
      const ring = await createRing();
      const company = await seedCompany(app);
      const earlier = await meeting(ring.id, '2030-04-01');
      const later = await meeting(ring.id, '2030-09-01');
      const membership = (await join(ring.id, company, '2030-05-01').expect(201)).body;
      expect(await registrations(earlier.id)).toEqual([]);
      expect(await registrations(later.id)).toEqual([expect.objectContaining({ companyId: company, status: 'registered', source: 'ring-invitation' })]);

      await leave(ring.id, membership.id, '2030-08-31').expect(200);
      expect(await registrations(later.id)).toEqual([expect.objectContaining({ companyId: company, status: 'cancelled' })]);
    });

    it('belong to a ring of their kind', async () => {
      const ring = await createRing();
      const circle = await createRing({ kind: 'export-circle' });
      const res = await app
        .http()
        .post('/api/events')
        .set('Authorization', `Bearer ${staff()}`)
        .send({ kind: 'export-circle-meeting', title: 'Circle', topic: 'other', startsAt: '2030-02-01T10:00:00Z', endsAt: '2030-02-01T12:00:00Z', location: { city: 'Umeå', country: 'SE' }, ringId: ring.id });
      expect(expectError(res, 422, 'RING_KIND_MISMATCH').details).toEqual({ ringId: ring.id, ringKind: 'export-ring', eventKind: 'export-circle-meeting' });
      await meeting(circle.id, '2030-02-01', { kind: 'export-circle-meeting' });
      const unknown = await app
        .http()
        .post('/api/events')
        .set('Authorization', `Bearer ${staff()}`)
        .send({ kind: 'export-ring-meeting', title: 'Ring', topic: 'other', startsAt: '2030-02-01T10:00:00Z', endsAt: '2030-02-01T12:00:00Z', location: { city: 'Umeå', country: 'SE' }, ringId: randomUUID() });
      expectError(unknown, 422, 'UNKNOWN_RING');
    });

    it('are listed by ring', async () => {
      const ring = await createRing();
      const a = await meeting(ring.id, '2030-03-01');
      const b = await meeting(ring.id, '2030-02-01');
      const res = await app.http().get(`/api/events?ringId=${ring.id}`).set('Authorization', `Bearer ${staff()}`).expect(200);
      expect(res.body.items.map((e: { id: string }) => e.id)).toEqual([b.id, a.id]);
    });
  });

  it('lets staff run rings; company users and financiers only read them', async () => {
    const ring = await createRing();
    const company = await seedCompany(app);
    for (const token of [await app.companyToken(company), app.tokens.financier]) {
      const auth = `Bearer ${token}`;
      expectError(await app.http().post('/api/export-rings').set('Authorization', auth).send({ name: 'x', city: 'Umeå', facilitator: 'y' }), 403, 'FORBIDDEN');
      expectError(await join(ring.id, company, '2026-01-01', token), 403, 'FORBIDDEN');
      expectError(await app.http().patch(`/api/export-rings/${ring.id}`).set('Authorization', auth).send({ name: 'x' }), 403, 'FORBIDDEN');
      await app.http().get(`/api/export-rings/${ring.id}`).set('Authorization', auth).expect(200);
    }
    expectError(await app.http().get(`/api/export-rings/${ring.id}/members`).set('Authorization', `Bearer ${await app.companyToken(company)}`), 403, 'FORBIDDEN');
    const renamed = await app.http().patch(`/api/export-rings/${ring.id}`).set('Authorization', `Bearer ${staff()}`).send({ facilitator: 'Jonas Berg' }).expect(200);
    expect(renamed.body).toMatchObject({ facilitator: 'Jonas Berg', name: 'Exportring Skellefteå' });
    expectError(await app.http().patch(`/api/export-rings/${ring.id}`).set('Authorization', `Bearer ${staff()}`).send({ name: '' }), 400, 'VALIDATION_FAILED');
  });
});
