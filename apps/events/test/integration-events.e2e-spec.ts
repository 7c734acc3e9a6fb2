import { randomUUID } from 'node:crypto';
import { producerStreamName } from '@globac/messaging';
import { eventually } from '@globac/testing';
import { jetstreamManager } from '@nats-io/jetstream';
import { createEvent, type EventsApp, person, register, seedCompany, startEvent, startEventsApp } from './support/events-app';
import { FAST_MESSAGING, TestNats } from './support/nats';

interface Envelope {
  id: string;
  type: string;
  data: Record<string, unknown>;
}

describe('integration events the events service publishes (real Postgres and NATS)', () => {
  let app: EventsApp;
  let nats: TestNats;
  let company: string;

  beforeAll(async () => {
    app = await startEventsApp(FAST_MESSAGING);
    nats = await TestNats.connect(app.config.NATS_SUBJECT_PREFIX);
    company = await seedCompany(app);
  });
  afterAll(async () => {
    await app?.close();
    await nats?.close();
  });

  /** The events written through the outbox about one programme event, in the order written. */
  const eventsAbout = async (eventId: string, types?: string[]) =>
    (
      await app.sql<{ envelope: Envelope }>(
        "SELECT envelope FROM outbox WHERE envelope->'data'->>'eventId' = $1 AND ($2::text[] IS NULL OR event_type = ANY($2)) ORDER BY position",
        [eventId, types ?? null],
      )
    ).map((r) => r.envelope);
  const staff = <R extends { set: (header: string, value: string) => R }>(req: R) => req.set('Authorization', `Bearer ${app.tokens.staff}`);

  it('schedules, updates and cancels an event with whole details, and names the registrations a cancellation affects', async () => {
    const event = await createEvent(app, { capacity: 10 });
    const a = (await register(app, event.id, { companyId: company, participant: person() }).expect(201)).body;
    const other = await seedCompany(app);
    const b = (await register(app, event.id, { companyId: other, participant: person() }).expect(201)).body;
    await staff(app.http().patch(`/api/events/${event.id}`)).send({ title: 'Logistics to Poznań' }).expect(200);
    await staff(app.http().post(`/api/events/${event.id}/cancel`)).expect(200);

    const [scheduled, updated, cancelled] = await eventsAbout(event.id, ['EventScheduled', 'EventUpdated', 'EventCancelled']);
    expect(scheduled).toMatchObject({
      type: 'EventScheduled',
      data: { eventId: event.id, kind: 'seminar', city: 'Umeå', country: 'SE', municipality: 'Umeå', targetCountry: 'PL', capacity: 10, financierIds: ['eu', 'region-vasterbotten'], revision: 1 },
    });
    expect(updated).toMatchObject({ type: 'EventUpdated', data: { title: 'Logistics to Poznań', revision: 2 } });
    expect(cancelled.type).toBe('EventCancelled');
    expect(cancelled.data).toEqual({
      eventId: event.id,
      affectedRegistrationIds: [a.id, b.id].sort(),
      affectedCompanyIds: expect.arrayContaining([company, other]),
      cancelledAt: expect.any(String),
    });
    // A cancelled event's registrations are told through EventCancelled, not one by one.
    expect(await eventsAbout(event.id, ['ParticipantCancelled'])).toEqual([]);
  });

  it('reports registrations, cancellations and promotions without names or addresses', async () => {
    const event = await createEvent(app, { capacity: 1 });
    const contactId = randomUUID();
    const first = (await register(app, event.id, { companyId: company, participant: { contactId, gender: 'man' } }).expect(201)).body;
    const named = person({ name: 'Greta Unique-Surname', email: 'greta.unique@example.se', gender: 'woman' });
    const second = (await register(app, event.id, { companyId: company, participant: named }).expect(201)).body;
    await staff(app.http().delete(`/api/events/${event.id}/registrations/${first.id}`)).expect(200);

    const events = await eventsAbout(event.id, ['ParticipantRegistered', 'ParticipantCancelled', 'ParticipantPromoted']);
    expect(events.map((e) => [e.type, e.data])).toEqual([
      [
        'ParticipantRegistered',
        { registrationId: first.id, eventId: event.id, companyId: company, contactId, participantGender: 'man', waitlisted: false, registeredAt: expect.any(String) },
      ],
      [
        'ParticipantRegistered',
        { registrationId: second.id, eventId: event.id, companyId: company, contactId: null, participantGender: 'woman', waitlisted: true, registeredAt: expect.any(String) },
      ],
      ['ParticipantCancelled', { registrationId: first.id, eventId: event.id, companyId: company, wasWaitlisted: false, cancelledAt: expect.any(String) }],
      ['ParticipantPromoted', { registrationId: second.id, eventId: event.id, companyId: company, replacesRegistrationId: first.id, promotedAt: expect.any(String) }],
    ]);
    const everything = JSON.stringify(await app.sql('SELECT envelope FROM outbox'));
    expect(everything).not.toContain('Unique-Surname');
    expect(everything).not.toContain('greta.unique');
  });

  it('writes no event for a refused registration', async () => {
    const event = await createEvent(app);
    const contactId = randomUUID();
    await register(app, event.id, { companyId: company, participant: { contactId } }).expect(201);
    await register(app, event.id, { companyId: company, participant: { contactId } }).expect(409);
    expect(await eventsAbout(event.id, ['ParticipantRegistered'])).toHaveLength(1);
  });

  it('reports the first attendance, then corrections naming what they correct, also when the event\'s facts change', async () => {
    const event = await createEvent(app, { capacity: 5 });
    const registration = (await register(app, event.id, { companyId: company, participant: person({ gender: 'non-binary' }) }).expect(201)).body;
    await startEvent(app, event.id);
    const mark = (body: object) => staff(app.http().put(`/api/events/${event.id}/registrations/${registration.id}/attendance`)).send(body).expect(200);
    await mark({ attended: true, hours: 2 });
    await mark({ attended: true, hours: 2 });
    await mark({ attended: true, hours: 1.5 });
    await staff(app.http().patch(`/api/events/${event.id}`)).send({ financiers: ['eu', 'umea-kommun'] }).expect(200);

    const [attended, corrected, reissued] = await eventsAbout(event.id, ['ParticipantAttended', 'AttendanceCorrected']);
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm' }).format(Date.now() - 3_600_000);
    expect(attended).toMatchObject({
      type: 'ParticipantAttended',
      data: {
        registrationId: registration.id,
        eventId: event.id,
        eventKind: 'seminar',
        topic: 'transport-logistics',
        eventDate: day,
        companyId: company,
        contactId: null,
        hours: 2,
        participantGender: 'non-binary',
        financierIds: ['eu', 'region-vasterbotten'],
        attended: true,
      },
    });
    expect(corrected).toMatchObject({ type: 'AttendanceCorrected', data: { hours: 1.5, correctsEventId: attended.id } });
    expect(reissued).toMatchObject({ type: 'AttendanceCorrected', data: { hours: 1.5, financierIds: ['eu', 'umea-kommun'], correctsEventId: corrected.id } });
    const [row] = await app.sql<{ id: string }>('SELECT attendance_event_id AS id FROM registration WHERE id = $1', [registration.id]);
    expect(row.id).toBe(reissued.id);
  });

  it('reports ring memberships and exhibitors', async () => {
    const ring = (await staff(app.http().post('/api/export-rings')).send({ name: 'Exportring Umeå', city: 'Umeå', facilitator: 'Maria Nilsson' }).expect(201)).body;
    const membership = (await staff(app.http().post(`/api/export-rings/${ring.id}/members`)).send({ companyId: company, joinedOn: '2026-01-15' }).expect(201)).body;
    await staff(app.http().post(`/api/export-rings/${ring.id}/members/${membership.id}/leave`)).send({ leftOn: '2026-06-30' }).expect(200);
    const changes = await app.sql<{ envelope: Envelope }>(
      "SELECT envelope FROM outbox WHERE event_type = 'ExportRingMembershipChanged' AND envelope->'data'->>'ringId' = $1 ORDER BY position",
      [ring.id],
    );
    expect(changes.map((r) => r.envelope.data)).toEqual([
      { membershipId: membership.id, ringId: ring.id, ringKind: 'export-ring', companyId: company, change: 'joined', effectiveOn: '2026-01-15' },
      { membershipId: membership.id, ringId: ring.id, ringKind: 'export-ring', companyId: company, change: 'left', effectiveOn: '2026-06-30' },
    ]);

    const fair = await createEvent(app, { kind: 'trade-fair', topic: 'market-entry', location: { city: 'Milano', country: 'IT' } });
    const exhibitor = (await staff(app.http().post(`/api/events/${fair.id}/exhibitors`)).send({ companyId: company, products: ['Västerbottensost'], stand: 'B12' }).expect(201)).body;
    expect((await eventsAbout(fair.id, ['ExhibitorAdded']))[0].data).toEqual({
      exhibitorId: exhibitor.id,
      eventId: fair.id,
      companyId: company,
      products: ['Västerbottensost'],
      stand: 'B12',
      addedAt: expect.any(String),
    });
  });

  it('publishes what it writes to its stream on NATS', async () => {
    await createEvent(app);
    await eventually(async () => {
      const [{ unpublished, total }] = await app.sql<{ unpublished: number; total: number }>(
        'SELECT count(*) FILTER (WHERE published_at IS NULL)::int AS unpublished, count(*)::int AS total FROM outbox',
      );
      expect(unpublished).toBe(0);
      const info = await (await jetstreamManager(nats.nc)).streams.info(producerStreamName(app.config.NATS_SUBJECT_PREFIX, 'events'));
      expect(info.state.messages).toBe(total);
    });
  });
});
