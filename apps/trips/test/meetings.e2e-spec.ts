import { randomUUID } from 'node:crypto';
import { type PartnerMeetingHeld, RelationshipStageChanged } from '@globac/contracts';
import { eventually, publishTestEvent } from '@globac/testing';
import { acceptedParticipant, apply, createTrip, expectError, FAST_MESSAGING, outboxEvents, seedCompany, startTrip, type TripsApp, startTripsApp } from './support/trips-app';

describe('partner meetings and their outcomes (real Postgres and NATS)', () => {
  let app: TripsApp;

  beforeAll(async () => {
    app = await startTripsApp({ env: FAST_MESSAGING });
  });
  afterAll(() => app?.close());

  const meetings = (tripId: string) => `/api/trips/${tripId}/meetings`;
  const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
  const stageChanged = (partnerId: string, fields: Partial<RelationshipStageChanged> = {}): RelationshipStageChanged => ({
    relationshipId: randomUUID(),
    companyId: randomUUID(),
    partnerId,
    partnerCountry: 'PL',
    targetRegion: 'poznan',
    fromStage: null,
    toStage: 'lead',
    changedAt: new Date().toISOString(),
    cause: 'manual',
    causeId: null,
    ...fields,
  });
  /** A partner the companies service told of (through a relationship with it). */
  const knownPartner = async () => {
    const partnerId = randomUUID();
    await publishTestEvent(app.config.NATS_SUBJECT_PREFIX, RelationshipStageChanged, stageChanged(partnerId));
    await eventually(async () => expect(await app.sql('SELECT 1 FROM partner_copy WHERE id = $1', [partnerId])).toHaveLength(1));
    return partnerId;
  };
  /** A trip under way with an accepted company. */
  const tripWithCompany = async () => {
    const trip = await createTrip(app);
    const companyId = await seedCompany(app);
    await acceptedParticipant(app, trip.id, companyId);
    await startTrip(app, trip.id);
    return { trip, companyId };
  };
  const held = async (tripId: string) => (await outboxEvents<PartnerMeetingHeld>(app, 'PartnerMeetingHeld')).filter((e) => e.data.tripId === tripId);

  it('books a meeting with a known partner; its outcome publishes PartnerMeetingHeld; a change is the next revision of the same meeting', async () => {
    const { trip, companyId } = await tripWithCompany();
    const partnerId = await knownPartner();
    const at = minutesAgo(30);
    const booked = await app.as().post(meetings(trip.id), { companyId, partnerId, at, place: 'MTP hall 5' }).expect(201);
    expect(booked.body).toMatchObject({ companyId, partner: { id: partnerId, name: null, countryCode: 'PL', targetRegion: 'poznan' }, at, place: 'MTP hall 5', outcome: null, outcomeRevision: 0 });
    expect(await held(trip.id)).toEqual([]);

    const first = await app.as().put(`${meetings(trip.id)}/${booked.body.id}/outcome`, { outcome: 'follow-up', followUpOn: '2026-12-15', notes: 'Samples by post' }).expect(200);
    expect(first.body).toMatchObject({ outcome: 'follow-up', followUpOn: '2026-12-15', notes: 'Samples by post', outcomeRevision: 1 });
    // The same outcome again (only the notes change) publishes nothing.
    await app.as().put(`${meetings(trip.id)}/${booked.body.id}/outcome`, { outcome: 'follow-up', followUpOn: '2026-12-15', notes: 'Samples sent' }).expect(200);
    const changed = await app.as().put(`${meetings(trip.id)}/${booked.body.id}/outcome`, { outcome: 'agreement' }).expect(200);
    expect(changed.body).toMatchObject({ outcome: 'agreement', followUpOn: null, notes: 'Samples sent', outcomeRevision: 2 });

    expect((await held(trip.id)).map((e) => e.data)).toEqual([
      { meetingId: booked.body.id, tripId: trip.id, companyId, partnerId, partnerName: null, partnerCountry: 'PL', partnerTargetRegion: 'poznan', heldAt: at, outcome: 'follow-up', followUpOn: '2026-12-15', revision: 1 },
      { meetingId: booked.body.id, tripId: trip.id, companyId, partnerId, partnerName: null, partnerCountry: 'PL', partnerTargetRegion: 'poznan', heldAt: at, outcome: 'agreement', followUpOn: null, revision: 2 },
    ]);
    const listed = await app.as().get(meetings(trip.id)).expect(200);
    expect(listed.body).toMatchObject({ total: 1, items: [{ id: booked.body.id, outcome: 'agreement' }] });
  });

  it('takes null for a meeting\'s place as left out, as its document says', async () => {
    const { trip, companyId } = await tripWithCompany();
    const booked = await app.as().post(meetings(trip.id), { companyId, partner: { name: 'Novara Riso S.r.l.', countryCode: 'it', targetRegion: null }, at: minutesAgo(5), place: null }).expect(201);
    expect(booked.body).toMatchObject({ place: null, partner: { id: null, name: 'Novara Riso S.r.l.', countryCode: 'IT', targetRegion: null } });
  });

  it('books a meeting with a partner given by name, and learns its id when the companies service registers it', async () => {
    const { trip, companyId } = await tripWithCompany();
    const booked = await app.as().post(meetings(trip.id), { companyId, partner: { name: 'Novara Dolci S.r.l.', countryCode: 'it', targetRegion: 'novara' }, at: minutesAgo(10) }).expect(201);
    expect(booked.body.partner).toEqual({ id: null, name: 'Novara Dolci S.r.l.', countryCode: 'IT', targetRegion: 'novara' });
    await app.as().put(`${meetings(trip.id)}/${booked.body.id}/outcome`, { outcome: 'offer-requested' }).expect(200);
    const [event] = await held(trip.id);
    expect(event.data).toMatchObject({ partnerId: null, partnerName: 'Novara Dolci S.r.l.', partnerCountry: 'IT', partnerTargetRegion: 'novara' });

    const partnerId = randomUUID();
    await publishTestEvent(
      app.config.NATS_SUBJECT_PREFIX,
      RelationshipStageChanged,
      stageChanged(partnerId, { companyId, partnerCountry: 'IT', targetRegion: 'novara', toStage: 'meeting', cause: 'partner-meeting', causeId: booked.body.id }),
    );
    await eventually(async () => expect((await app.as().get(`${meetings(trip.id)}/${booked.body.id}`).expect(200)).body.partner.id).toBe(partnerId));
    // A correction now names the partner by id.
    await app.as().put(`${meetings(trip.id)}/${booked.body.id}/outcome`, { outcome: 'agreement' }).expect(200);
    expect((await held(trip.id))[1].data).toMatchObject({ partnerId, partnerName: null, revision: 2 });
  });

  it('refuses a meeting for a company that is not an accepted participant, an unknown partner, and bad bodies', async () => {
    const { trip, companyId } = await tripWithCompany();
    const partnerId = await knownPartner();
    const applicantTrip = await createTrip(app);
    const applicant = await seedCompany(app);
    await apply(app, applicantTrip.id, applicant).expect(201);
    await startTrip(app, applicantTrip.id);
    const at = minutesAgo(5);
    expect(expectError(await app.as().post(meetings(applicantTrip.id), { companyId: applicant, partnerId, at }), 422, 'NOT_AN_ACCEPTED_PARTICIPANT').details).toMatchObject({ status: 'applied' });
    expect(expectError(await app.as().post(meetings(trip.id), { companyId: randomUUID(), partnerId, at }), 422, 'NOT_AN_ACCEPTED_PARTICIPANT').details).toMatchObject({ status: null });
    expect(expectError(await app.as().post(meetings(trip.id), { companyId, partnerId: randomUUID(), at }), 422, 'UNKNOWN_PARTNER').details).toEqual({ partnerId: expect.any(String) });

    const fields = async (body: object) => (expectError(await app.as().post(meetings(trip.id), body), 400, 'VALIDATION_FAILED').details as { field: string }[]).map((d) => d.field);
    expect(await fields({ companyId, at })).toEqual(['partnerId']);
    expect(await fields({ companyId, partnerId, partner: { name: 'X', countryCode: 'PL' }, at })).toEqual(['partner']);
    expect(await fields({ companyId, partner: { name: '', countryCode: 'Poland' }, at })).toEqual(['partner.name', 'partner.countryCode']);
    expect(await fields({ companyId, partner: { name: 'Svensk AB', countryCode: 'SE' }, at })).toEqual(['partner.countryCode']);
    expect(await fields({ companyId, partner: { name: 'Lyon SA', countryCode: 'FR', targetRegion: 'poznan' }, at })).toEqual(['partner.targetRegion']);
    expect(await fields({ companyId, partnerId, at: '2020-01-01T10:00:00Z' })).toEqual(['at']);
    expect(await fields({ companyId, partnerId, at: 'yesterday' })).toEqual(['at']);
    expectError(await app.as().post(meetings(randomUUID()), { companyId, partnerId, at }), 404, 'TRIP_NOT_FOUND');

    const booked = await app.as().post(meetings(trip.id), { companyId, partnerId, at }).expect(201);
    expect(await (async () => (expectError(await app.as().put(`${meetings(trip.id)}/${booked.body.id}/outcome`, { outcome: 'maybe' }), 400, 'VALIDATION_FAILED').details as { field: string }[]).map((d) => d.field))()).toEqual(['outcome']);
    expectError(await app.as().put(`${meetings(trip.id)}/${randomUUID()}/outcome`, { outcome: 'agreement' }), 404, 'MEETING_NOT_FOUND');
  });

  it('records no outcome of a meeting still to come, and no meeting on a cancelled trip', async () => {
    const trip = await createTrip(app);
    const companyId = await seedCompany(app);
    await acceptedParticipant(app, trip.id, companyId);
    const partnerId = await knownPartner();
    const upcoming = await app.as().post(meetings(trip.id), { companyId, partnerId, at: `${trip.startsOn}T10:00:00Z` }).expect(201);
    expectError(await app.as().put(`${meetings(trip.id)}/${upcoming.body.id}/outcome`, { outcome: 'agreement' }), 409, 'MEETING_NOT_HELD_YET');
    await app.as().post(`/api/trips/${trip.id}/cancel`).expect(200);
    expectError(await app.as().post(meetings(trip.id), { companyId, partnerId, at: `${trip.startsOn}T11:00:00Z` }), 409, 'TRIP_CANCELLED');
  });

  it('lets a company user read its own meetings only, and a financier read them all; neither books nor records', async () => {
    const { trip, companyId } = await tripWithCompany();
    const other = await seedCompany(app);
    await app.sql("INSERT INTO trip_participant (trip_id, company_id, status, applied_by) VALUES ($1, $2, 'accepted', 'test')", [trip.id, other]);
    const partnerId = await knownPartner();
    const own = await app.as().post(meetings(trip.id), { companyId, partnerId, at: minutesAgo(3) }).expect(201);
    const theirs = await app.as().post(meetings(trip.id), { companyId: other, partnerId, at: minutesAgo(2) }).expect(201);
    const token = await app.companyToken(companyId);
    expect(((await app.as(token).get(meetings(trip.id)).expect(200)).body.items as { id: string }[]).map((m) => m.id)).toEqual([own.body.id]);
    await app.as().put(`${meetings(trip.id)}/${own.body.id}/outcome`, { outcome: 'follow-up', notes: 'Seemed unprepared' }).expect(200);
    expect((await app.as(token).get(`${meetings(trip.id)}/${own.body.id}`).expect(200)).body).toMatchObject({ outcome: 'follow-up', notes: null });
    expectError(await app.as(token).get(`${meetings(trip.id)}/${theirs.body.id}`), 403, 'FORBIDDEN');
    expectError(await app.as(token).get(`${meetings(trip.id)}?companyId=${other}`), 403, 'FORBIDDEN');
    expectError(await app.as(token).post(meetings(trip.id), { companyId, partnerId, at: minutesAgo(1) }), 403, 'FORBIDDEN');
    expectError(await app.as(token).put(`${meetings(trip.id)}/${own.body.id}/outcome`, { outcome: 'agreement' }), 403, 'FORBIDDEN');
    const { financier } = app.tokens;
    expect((await app.as(financier).get(meetings(trip.id)).expect(200)).body.total).toBe(2);
    expectError(await app.as(financier).put(`${meetings(trip.id)}/${own.body.id}/outcome`, { outcome: 'agreement' }), 403, 'FORBIDDEN');
  });
});
