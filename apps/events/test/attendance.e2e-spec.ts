import { randomUUID } from 'node:crypto';
import { createEvent, type EventsApp, expectError, person, register, seedCompany, startEvent, startEventsApp } from './support/events-app';

describe('attendance (real Postgres)', () => {
  let app: EventsApp;
  let company: string;

  beforeAll(async () => {
    app = await startEventsApp();
    company = await seedCompany(app);
  });
  afterAll(() => app?.close());

  const mark = (eventId: string, registrationId: string, body: object, token = app.tokens.staff) =>
    app.http().put(`/api/events/${eventId}/registrations/${registrationId}/attendance`).set('Authorization', `Bearer ${token}`).send(body);
  const checkIn = (eventId: string, entries: object[]) =>
    app.http().put(`/api/events/${eventId}/attendance`).set('Authorization', `Bearer ${app.tokens.staff}`).send({ entries });
  const attendanceEventId = async (registrationId: string) =>
    (await app.sql<{ id: string | null }>('SELECT attendance_event_id AS id FROM registration WHERE id = $1', [registrationId]))[0].id;

  /** An event with `seats` seats and `people` registrations, started an hour ago. */
  async function startedEvent(seats: number, people: number) {
    const event = await createEvent(app, { capacity: seats });
    const ids: string[] = [];
    for (let i = 0; i < people; i++) ids.push((await register(app, event.id, { companyId: company, participant: person() }).expect(201)).body.id);
    await startEvent(app, event.id);
    return { eventId: event.id, ids };
  }

  it('is taken only once the event has started', async () => {
    const event = await createEvent(app);
    const registration = (await register(app, event.id, { companyId: company, participant: person() }).expect(201)).body;
    const body = expectError(await mark(event.id, registration.id, { attended: true }), 409, 'EVENT_NOT_STARTED');
    expect(body.details).toMatchObject({ eventId: event.id });
  });

  it('records a first mark, then corrections, each a new reported fact; the same mark again changes nothing', async () => {
    const { eventId, ids } = await startedEvent(5, 1);
    const first = await mark(eventId, ids[0], { attended: true, hours: 2.5 }).expect(200);
    expect(first.body.attendance).toEqual({ attended: true, hours: 2.5, recordedAt: expect.any(String) });
    const firstFact = await attendanceEventId(ids[0]);
    expect(firstFact).toMatch(/^[0-9a-f-]{36}$/);

    await mark(eventId, ids[0], { attended: true, hours: 2.5 }).expect(200);
    expect(await attendanceEventId(ids[0])).toBe(firstFact);

    const corrected = await mark(eventId, ids[0], { attended: false }).expect(200);
    expect(corrected.body.attendance).toMatchObject({ attended: false, hours: 0 });
    expect(await attendanceEventId(ids[0])).not.toBe(firstFact);
  });

  it('credits the event\'s length when no hours are given', async () => {
    const { eventId, ids } = await startedEvent(5, 1);
    // startEvent makes it run from an hour ago to two hours from now: 3 hours.
    const res = await mark(eventId, ids[0], { attended: true }).expect(200);
    expect(res.body.attendance.hours).toBe(3);
  });

  it.each([
    ['no hours for a no-show', { attended: false, hours: 2 }, 'hours'],
    ['zero hours', { attended: true, hours: 0 }, 'hours'],
    ['more than 24 hours', { attended: true, hours: 24.5 }, 'hours'],
    ['more than two decimals', { attended: true, hours: 1.234 }, 'hours'],
    ['attended missing', { hours: 2 }, 'attended'],
    ['attended not a boolean', { attended: 'yes' }, 'attended'],
  ])('refuses %s with 400', async (_case, body, field) => {
    const { eventId, ids } = await startedEvent(5, 1);
    expect(expectError(await mark(eventId, ids[0], body), 400, 'VALIDATION_FAILED').details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  });

  it('is only for registrations holding a seat', async () => {
    const { eventId, ids } = await startedEvent(1, 2);
    const body = expectError(await mark(eventId, ids[1], { attended: true }), 409, 'NOT_REGISTERED');
    expect(body.details).toEqual({ registrationId: ids[1], status: 'waitlisted' });
    expectError(await mark(eventId, randomUUID(), { attended: true }), 404, 'REGISTRATION_NOT_FOUND');
  });

  it('is refused for a cancelled event', async () => {
    const { eventId, ids } = await startedEvent(2, 1);
    await app.http().post(`/api/events/${eventId}/cancel`).set('Authorization', `Bearer ${app.tokens.staff}`).expect(200);
    expectError(await mark(eventId, ids[0], { attended: true }), 409, 'EVENT_CANCELLED');
  });

  it('is taken by staff only', async () => {
    const { eventId, ids } = await startedEvent(2, 1);
    for (const token of [await app.companyToken(company), app.tokens.financier]) {
      expectError(await mark(eventId, ids[0], { attended: true }, token), 403, 'FORBIDDEN');
    }
    await mark(eventId, ids[0], { attended: true }, app.tokens.admin).expect(200);
  });

  describe('bulk check-in', () => {
    it('checks in a list in one go', async () => {
      const { eventId, ids } = await startedEvent(3, 3);
      const res = await checkIn(eventId, [
        { registrationId: ids[0], attended: true, hours: 2 },
        { registrationId: ids[1], attended: true },
        { registrationId: ids[2], attended: false },
      ]).expect(200);
      expect(res.body.registrations.map((r: { id: string; attendance: { attended: boolean; hours: number } }) => [r.id, r.attendance.attended, r.attendance.hours])).toEqual([
        [ids[0], true, 2],
        [ids[1], true, 3],
        [ids[2], false, 0],
      ]);
    });

    it('takes all of a list or none of it, naming every bad entry', async () => {
      const { eventId, ids } = await startedEvent(2, 3);
      const stranger = randomUUID();
      const res = await checkIn(eventId, [
        { registrationId: ids[0], attended: true },
        { registrationId: stranger, attended: true },
        { registrationId: ids[2], attended: true },
        { registrationId: ids[0], attended: false },
      ]);
      const body = expectError(res, 400, 'VALIDATION_FAILED');
      expect(body.details).toEqual([
        expect.objectContaining({ field: 'entries.1.registrationId', rule: 'registrationExists' }),
        expect.objectContaining({ field: 'entries.2.registrationId', rule: 'onlyRegisteredParticipantsAttend' }),
        expect.objectContaining({ field: 'entries.3.registrationId', rule: 'oneEntryPerRegistration' }),
      ]);
      const recorded = await app.sql('SELECT id FROM registration WHERE event_id = $1 AND attended IS NOT NULL', [eventId]);
      expect(recorded).toEqual([]);
    });

    it('names malformed entries by their index', async () => {
      const { eventId, ids } = await startedEvent(2, 1);
      const res = await checkIn(eventId, [{ registrationId: ids[0], attended: true }, { registrationId: 'x', attended: 'yes', hours: 30 }]);
      const fields = (expectError(res, 400, 'VALIDATION_FAILED').details as { field: string }[]).map((d) => d.field);
      expect(fields).toEqual(expect.arrayContaining(['entries.1.registrationId', 'entries.1.attended', 'entries.1.hours']));
      expectError(await checkIn(eventId, []), 400, 'VALIDATION_FAILED');
    });
  });

  it('refuses to move an event with attendance to a start still to come', async () => {
    const { eventId, ids } = await startedEvent(2, 1);
    await mark(eventId, ids[0], { attended: true }).expect(200);
    const res = await app
      .http()
      .patch(`/api/events/${eventId}`)
      .set('Authorization', `Bearer ${app.tokens.staff}`)
      .send({ startsAt: new Date(Date.now() + 86_400_000).toISOString(), endsAt: new Date(Date.now() + 90_000_000).toISOString() });
    expectError(res, 409, 'ATTENDANCE_RECORDED');
  });

  it('re-reports attendance when a fact it carries changes', async () => {
    const { eventId, ids } = await startedEvent(2, 1);
    await mark(eventId, ids[0], { attended: true }).expect(200);
    const before = await attendanceEventId(ids[0]);
    await app.http().patch(`/api/events/${eventId}`).set('Authorization', `Bearer ${app.tokens.staff}`).send({ title: 'Renamed' }).expect(200);
    expect(await attendanceEventId(ids[0])).toBe(before);
    await app.http().patch(`/api/events/${eventId}`).set('Authorization', `Bearer ${app.tokens.staff}`).send({ topic: 'legal' }).expect(200);
    expect(await attendanceEventId(ids[0])).not.toBe(before);
  });
});
