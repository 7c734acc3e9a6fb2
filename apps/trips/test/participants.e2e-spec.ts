import { randomUUID } from 'node:crypto';
import { acceptedParticipant, apply, createTrip, dayFromToday, expectError, outboxEvents, seedCompany, startTrip, traveller, type TripsApp, startTripsApp } from './support/trips-app';

describe('travelling companies: applications, decisions, withdrawals (real Postgres)', () => {
  let app: TripsApp;

  beforeAll(async () => {
    app = await startTripsApp();
  });
  afterAll(() => app?.close());

  const participants = (tripId: string) => `/api/trips/${tripId}/participants`;

  it('takes an application (201, applied), accepts it with TripParticipantAccepted, and counts the place', async () => {
    const trip = await createTrip(app, { capacity: 3 });
    const company = await seedCompany(app);
    const contactId = randomUUID();
    const applied = await app.as().post(participants(trip.id), { companyId: company, travellers: [{ contactId, gender: 'man' }, traveller({ email: 'Anna@Example.se' })] }).expect(201);
    expect(applied.body).toMatchObject({
      id: expect.any(String),
      status: 'applied',
      companyId: company,
      travellers: [
        { contactId, name: null, email: null, gender: 'man' },
        { contactId: null, name: expect.stringMatching(/^Traveller/), email: 'Anna@Example.se', gender: 'woman' },
      ],
    });
    const accepted = await app.as().post(`${participants(trip.id)}/${applied.body.id}/accept`).expect(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', decidedAt: expect.any(String) });
    expect((await app.as().get(`/api/trips/${trip.id}`).expect(200)).body.places).toEqual({ accepted: 1, available: 2 });
    const events = (await outboxEvents(app, 'TripParticipantAccepted')).filter((e) => e.data.tripId === trip.id);
    expect(events.map((e) => e.data)).toEqual([{ participationId: applied.body.id, tripId: trip.id, companyId: company, acceptedAt: accepted.body.decidedAt }]);
    // Accepting again answers it unchanged and publishes nothing more.
    await app.as().post(`${participants(trip.id)}/${applied.body.id}/accept`).expect(200);
    expect((await outboxEvents(app, 'TripParticipantAccepted')).filter((e) => e.data.tripId === trip.id)).toHaveLength(1);
    expectError(await app.as().post(`${participants(trip.id)}/${applied.body.id}/decline`), 409, 'PARTICIPANT_NOT_PENDING');
  });

  it('answers a second application of a company with 409 and the existing id; after a withdrawal it may apply again', async () => {
    const trip = await createTrip(app);
    const company = await seedCompany(app);
    const first = await apply(app, trip.id, company).expect(201);
    const again = expectError(await apply(app, trip.id, company), 409, 'ALREADY_APPLIED');
    expect(again.details).toEqual({ participantId: first.body.id, status: 'applied' });
    await app.as().delete(`${participants(trip.id)}/${first.body.id}`).expect(200);
    const second = await apply(app, trip.id, company).expect(201);
    expect(second.body.id).not.toBe(first.body.id);
  });

  it('answers concurrent duplicate applications with one 201 and 409s naming it', async () => {
    const trip = await createTrip(app);
    const company = await seedCompany(app);
    const answers = await Promise.all(Array.from({ length: 8 }, () => apply(app, trip.id, company)));
    const created = answers.filter((r) => r.status === 201);
    expect(created).toHaveLength(1);
    for (const r of answers.filter((a) => a.status !== 201)) expect(expectError(r, 409, 'ALREADY_APPLIED').details).toMatchObject({ participantId: created[0].body.id });
  });

  // null is "left out" for a traveller's address and gender, and the document says so (the test agent checks each accepted body against it).
  it('takes null for a traveller\'s contact id, address and gender as left out', async () => {
    const trip = await createTrip(app);
    const company = await seedCompany(app);
    const applied = await app.as().post(participants(trip.id), { companyId: company, travellers: [{ contactId: null, name: 'Anna Lindqvist', email: null, gender: null }] }).expect(201);
    expect(applied.body.travellers).toEqual([{ contactId: null, name: 'Anna Lindqvist', email: null, gender: 'undisclosed', personalDataErasedAt: null }]);
  });

  it('refuses unknown and merged companies with 422', async () => {
    const trip = await createTrip(app);
    const survivor = await seedCompany(app);
    const merged = await seedCompany(app, { mergedInto: survivor });
    expectError(await apply(app, trip.id, randomUUID()), 422, 'UNKNOWN_COMPANY');
    expect(expectError(await apply(app, trip.id, merged), 422, 'COMPANY_MERGED').details).toEqual({ companyId: merged, mergedInto: survivor });
  });

  it('refuses bad bodies with 400', async () => {
    const trip = await createTrip(app);
    const company = await seedCompany(app);
    const fields = async (body: object) =>
      (expectError(await app.as().post(participants(trip.id), body), 400, 'VALIDATION_FAILED').details as { field: string }[]).map((d) => d.field);
    expect(await fields({ companyId: company, travellers: [] })).toEqual(['travellers']);
    expect(await fields({ companyId: 'acme', travellers: [traveller()] })).toEqual(['companyId']);
    expect(await fields({ companyId: company, travellers: [{}] })).toEqual(['travellers.0.contactId']);
    expect(await fields({ companyId: company, travellers: [{ contactId: randomUUID(), name: 'Both' }] })).toEqual(['travellers.0.contactId']);
    expect(await fields({ companyId: company, travellers: [{ contactId: randomUUID(), email: 'a@b.se' }] })).toEqual(['travellers.0.email']);
    expect(await fields({ companyId: company, travellers: [traveller({ gender: 'robot', email: 'nope' })] })).toEqual(['travellers.0.email', 'travellers.0.gender']);
    expectError(await app.as().post(`${participants(trip.id)}/not-a-uuid/accept`), 400, 'VALIDATION_FAILED');
    expectError(await app.as().post(`${participants(trip.id)}/${randomUUID()}/accept`), 404, 'PARTICIPANT_NOT_FOUND');
    expectError(await app.as().post(`${participants(randomUUID())}/${randomUUID()}/accept`), 404, 'TRIP_NOT_FOUND');
  });

  it('takes no applications to a planned, closed, completed or cancelled trip, nor after the deadline or the start', async () => {
    const company = await seedCompany(app);
    const planned = await createTrip(app, {}, false);
    expect(expectError(await apply(app, planned.id, company), 409, 'TRIP_NOT_OPEN').details).toEqual({ tripId: planned.id, status: 'planned' });
    const closed = await createTrip(app);
    await app.as().post(`/api/trips/${closed.id}/close`).expect(200);
    expectError(await apply(app, closed.id, company), 409, 'TRIP_NOT_OPEN');
    const cancelled = await createTrip(app);
    await app.as().post(`/api/trips/${cancelled.id}/cancel`).expect(200);
    expectError(await apply(app, cancelled.id, company), 409, 'TRIP_NOT_OPEN');
    const completed = await createTrip(app);
    await startTrip(app, completed.id);
    expectError(await apply(app, completed.id, company), 409, 'TRIP_ALREADY_STARTED');
    await app.as().post(`/api/trips/${completed.id}/complete`, {}).expect(200);
    expectError(await apply(app, completed.id, company), 409, 'TRIP_NOT_OPEN');
    const deadlinePassed = await createTrip(app);
    await app.sql('UPDATE trip SET application_closes_on = $2 WHERE id = $1', [deadlinePassed.id, dayFromToday(-2)]);
    expect(expectError(await apply(app, deadlinePassed.id, company), 409, 'APPLICATIONS_CLOSED').details).toMatchObject({ applicationClosesOn: dayFromToday(-2) });
  });

  it('accepts no more companies than the capacity (409 TRIP_FULL); a withdrawal frees a place and publishes TripParticipantWithdrawn', async () => {
    const trip = await createTrip(app, { capacity: 1 });
    const first = await acceptedParticipant(app, trip.id, await seedCompany(app));
    const second = await apply(app, trip.id, await seedCompany(app)).expect(201);
    expect(expectError(await app.as().post(`${participants(trip.id)}/${second.body.id}/accept`), 409, 'TRIP_FULL').details).toEqual({ tripId: trip.id, capacity: 1 });
    const withdrawn = await app.as().delete(`${participants(trip.id)}/${first}`).expect(200);
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', withdrawnAt: expect.any(String) });
    expect((await outboxEvents(app, 'TripParticipantWithdrawn')).filter((e) => e.data.tripId === trip.id).map((e) => e.data.participationId)).toEqual([first]);
    await app.as().delete(`${participants(trip.id)}/${first}`).expect(200);
    await app.as().post(`${participants(trip.id)}/${second.body.id}/accept`).expect(200);
  });

  it('declines an application; a declined one is not withdrawn or accepted', async () => {
    const trip = await createTrip(app);
    const applied = await apply(app, trip.id, await seedCompany(app)).expect(201);
    expect((await app.as().post(`${participants(trip.id)}/${applied.body.id}/decline`).expect(200)).body.status).toBe('declined');
    await app.as().post(`${participants(trip.id)}/${applied.body.id}/decline`).expect(200);
    expectError(await app.as().post(`${participants(trip.id)}/${applied.body.id}/accept`), 409, 'PARTICIPANT_NOT_PENDING');
    expectError(await app.as().delete(`${participants(trip.id)}/${applied.body.id}`), 409, 'PARTICIPANT_NOT_PENDING');
    expect((await outboxEvents(app, 'TripParticipantWithdrawn')).filter((e) => e.data.tripId === trip.id)).toEqual([]);
  });

  it('withdraws only before the trip starts', async () => {
    const trip = await createTrip(app);
    const participant = await acceptedParticipant(app, trip.id, await seedCompany(app));
    await startTrip(app, trip.id);
    expectError(await app.as().delete(`${participants(trip.id)}/${participant}`), 409, 'TRIP_ALREADY_STARTED');
  });

  it('lists the participations, filtered by status and company', async () => {
    const trip = await createTrip(app);
    const [a, b] = [await seedCompany(app), await seedCompany(app)];
    const accepted = await acceptedParticipant(app, trip.id, a);
    const applied = (await apply(app, trip.id, b).expect(201)).body.id;
    const ids = async (query = '') => ((await app.as().get(`${participants(trip.id)}${query}`).expect(200)).body.items as { id: string }[]).map((p) => p.id);
    expect(await ids()).toEqual([accepted, applied]);
    expect(await ids('?status=accepted')).toEqual([accepted]);
    expect(await ids(`?companyId=${b}`)).toEqual([applied]);
    expectError(await app.as().get(`${participants(trip.id)}?status=maybe`), 400, 'VALIDATION_FAILED');
  });
});

describe('every role against applications (real Postgres)', () => {
  let app: TripsApp;

  beforeAll(async () => {
    app = await startTripsApp();
  });
  afterAll(() => app?.close());

  it('lets a company user see open trips, apply and withdraw for its own company only, and do nothing staff do', async () => {
    const [own, other] = [await seedCompany(app), await seedCompany(app)];
    const token = await app.companyToken(own);
    const open = await createTrip(app);
    const planned = await createTrip(app, {}, false);

    const listed = (await app.as(token).get('/api/trips?pageSize=100').expect(200)).body.items as { id: string; status: string }[];
    expect(listed.map((t) => t.status)).toEqual(listed.map(() => 'open'));
    expect(listed.map((t) => t.id)).toContain(open.id);
    await app.as(token).get(`/api/trips/${open.id}`).expect(200);
    expectError(await app.as(token).get(`/api/trips/${planned.id}`), 403, 'FORBIDDEN');

    expectError(await apply(app, open.id, other, token), 403, 'FORBIDDEN');
    const mine = await apply(app, open.id, own, token).expect(201);
    const theirs = await apply(app, open.id, other).expect(201);
    expectError(await app.as(token).delete(`/api/trips/${open.id}/participants/${theirs.body.id}`), 403, 'FORBIDDEN');
    expectError(await app.as(token).get(`/api/trips/${open.id}/participants/${theirs.body.id}`), 403, 'FORBIDDEN');
    expect(((await app.as(token).get(`/api/trips/${open.id}/participants`).expect(200)).body.items as { id: string }[]).map((p) => p.id)).toEqual([mine.body.id]);
    expectError(await app.as(token).get(`/api/trips/${open.id}/participants?companyId=${other}`), 403, 'FORBIDDEN');
    for (const action of ['accept', 'decline']) expectError(await app.as(token).post(`/api/trips/${open.id}/participants/${mine.body.id}/${action}`), 403, 'FORBIDDEN');
    expectError(await app.as(token).post('/api/trips', {}), 403, 'FORBIDDEN');
    expectError(await app.as(token).patch(`/api/trips/${open.id}`, { title: 'Mine' }), 403, 'FORBIDDEN');
    for (const action of ['open', 'close', 'cancel', 'complete', 'completion-corrections']) expectError(await app.as(token).post(`/api/trips/${open.id}/${action}`, {}), 403, 'FORBIDDEN');
    expectError(await app.as(token).post('/api/trips/traveller-erasures', { email: 'a@b.se' }), 403, 'FORBIDDEN');
    expect((await app.as(token).delete(`/api/trips/${open.id}/participants/${mine.body.id}`).expect(200)).body.status).toBe('withdrawn');
    // The trip it applied to stays visible to it once closed.
    await app.as().post(`/api/trips/${open.id}/close`).expect(200);
    await app.as(token).get(`/api/trips/${open.id}`).expect(200);
  });

  it('lets a financier read everything (without travellers\' names) and write nothing', async () => {
    const { financier } = app.tokens;
    const trip = await createTrip(app, {}, false);
    const company = await seedCompany(app);
    await app.as().post(`/api/trips/${trip.id}/open`).expect(200);
    const participant = await apply(app, trip.id, company).expect(201);
    await app.as(financier).get(`/api/trips/${trip.id}`).expect(200);
    const read = await app.as(financier).get(`/api/trips/${trip.id}/participants/${participant.body.id}`).expect(200);
    expect(read.body.travellers).toEqual([expect.objectContaining({ name: null, email: null, gender: 'woman' })]);
    expectError(await app.as(financier).post('/api/trips', {}), 403, 'FORBIDDEN');
    expectError(await apply(app, trip.id, company, financier), 403, 'FORBIDDEN');
    expectError(await app.as(financier).post(`/api/trips/${trip.id}/participants/${participant.body.id}/accept`), 403, 'FORBIDDEN');
    expectError(await app.as(financier).delete(`/api/trips/${trip.id}/participants/${participant.body.id}`), 403, 'FORBIDDEN');
    expectError(await app.as(financier).post(`/api/trips/${trip.id}/cancel`), 403, 'FORBIDDEN');
  });

  it('refuses a request without a token; admin may do what staff do', async () => {
    expectError(await app.http().get('/api/trips'), 401, expect.any(String) as unknown as string);
    const admin = app.tokens.admin;
    await app.as(admin).post('/api/trips', {}).expect(400);
  });
});
