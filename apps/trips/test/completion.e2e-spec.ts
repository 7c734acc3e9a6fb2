import { randomUUID } from 'node:crypto';
import type { TripCompleted, TripCompletionCorrected } from '@globac/contracts';
import { acceptedParticipant, apply, createTrip, expectError, outboxEvents, seedCompany, startTrip, type TripsApp, startTripsApp } from './support/trips-app';

describe('completing a trip and correcting its record (real Postgres)', () => {
  let app: TripsApp;

  beforeAll(async () => {
    app = await startTripsApp();
  });
  afterAll(() => app?.close());

  const complete = (tripId: string, body: object = {}) => app.as().post(`/api/trips/${tripId}/complete`, body);
  const correct = (tripId: string, body: object) => app.as().post(`/api/trips/${tripId}/completion-corrections`, body);

  it('by default records every accepted company for the whole trip with the trip\'s subsidy, in TripCompleted', async () => {
    const trip = await createTrip(app, { destinations: [{ country: 'IN', targetRegion: 'maharashtra' }, { country: 'IN', targetRegion: 'karnataka' }], financiers: ['eu'] });
    const [a, b, applicant, withdrawn] = await Promise.all([seedCompany(app), seedCompany(app), seedCompany(app), seedCompany(app)]);
    await acceptedParticipant(app, trip.id, a);
    await acceptedParticipant(app, trip.id, b);
    await apply(app, trip.id, applicant).expect(201);
    const gone = await acceptedParticipant(app, trip.id, withdrawn);
    await app.as().delete(`/api/trips/${trip.id}/participants/${gone}`).expect(200);
    await startTrip(app, trip.id, 5);
    const started = (await app.as().get(`/api/trips/${trip.id}`).expect(200)).body;

    const completed = await complete(trip.id).expect(200);
    const travelled = [
      { companyId: a, daysAbroad: 5, subsidySek: 15000 },
      { companyId: b, daysAbroad: 5, subsidySek: 15000 },
    ];
    expect(completed.body).toMatchObject({ status: 'completed', travelled, completionRevision: 1, completedAt: expect.any(String) });
    const [event] = (await outboxEvents<TripCompleted>(app, 'TripCompleted')).filter((e) => e.data.tripId === trip.id);
    expect(event.data).toEqual({
      tripId: trip.id,
      destinationCountries: ['IN'],
      targetRegions: ['maharashtra', 'karnataka'],
      startsOn: started.startsOn,
      endsOn: started.endsOn,
      financierIds: ['eu'],
      travellingCompanies: travelled,
      completedAt: completed.body.completedAt,
    });
  });

  // null is "left out" for these fields, and the document says so (the test agent checks each accepted body against it).
  it('takes null for the travelled list and for a subsidy as left out', async () => {
    const [trip, other] = await Promise.all([createTrip(app), createTrip(app)]);
    const [a, b] = await Promise.all([seedCompany(app), seedCompany(app)]);
    await acceptedParticipant(app, trip.id, a);
    await acceptedParticipant(app, other.id, b);
    await Promise.all([startTrip(app, trip.id, 4), startTrip(app, other.id, 4)]);
    expect((await complete(trip.id, { travelled: null }).expect(200)).body.travelled).toEqual([{ companyId: a, daysAbroad: 4, subsidySek: 15000 }]);
    const withNullSubsidy = await complete(other.id, { travelled: [{ companyId: b, daysAbroad: 2, subsidySek: null }] }).expect(200);
    expect(withNullSubsidy.body.travelled).toEqual([{ companyId: b, daysAbroad: 2, subsidySek: 15000 }]);
  });

  it('takes the travelled list staff give, with days and subsidies, and refuses companies that were not accepted', async () => {
    const trip = await createTrip(app);
    const [a, b, applicant] = await Promise.all([seedCompany(app), seedCompany(app), seedCompany(app)]);
    await acceptedParticipant(app, trip.id, a);
    await acceptedParticipant(app, trip.id, b);
    await apply(app, trip.id, applicant).expect(201);
    await startTrip(app, trip.id, 4);

    expect(expectError(await complete(trip.id, { travelled: [{ companyId: applicant, daysAbroad: 2 }] }), 422, 'NOT_AN_ACCEPTED_PARTICIPANT').details).toMatchObject({ companyId: applicant });
    expectError(await complete(trip.id, { travelled: [{ companyId: randomUUID(), daysAbroad: 2 }] }), 422, 'NOT_AN_ACCEPTED_PARTICIPANT');
    const fields = async (body: object) => (expectError(await complete(trip.id, body), 400, 'VALIDATION_FAILED').details as { field: string }[]).map((d) => d.field);
    expect(await fields({ travelled: [{ companyId: a, daysAbroad: 5 }] })).toEqual(['travelled.0.daysAbroad']);
    expect(await fields({ travelled: [{ companyId: a, daysAbroad: 2 }, { companyId: a, daysAbroad: 3 }] })).toEqual(['travelled.1.companyId']);
    expect(await fields({ travelled: [{ companyId: a, daysAbroad: 0, subsidySek: -5 }] })).toEqual(['travelled.0.daysAbroad', 'travelled.0.subsidySek']);
    expect(new Set(await fields({ travelled: 'everyone' }))).toEqual(new Set(['travelled']));
    expect((await app.as().get(`/api/trips/${trip.id}`).expect(200)).body.status).toBe('open');

    const completed = await complete(trip.id, { travelled: [{ companyId: a, daysAbroad: 3, subsidySek: 12000 }] }).expect(200);
    expect(completed.body.travelled).toEqual([{ companyId: a, daysAbroad: 3, subsidySek: 12000 }]);
    expectError(await complete(trip.id), 409, 'TRIP_STATUS_CONFLICT');
    // After completion, decisions and withdrawals are over; meetings can still be entered afterwards.
    const pending = (await app.as().get(`/api/trips/${trip.id}/participants?status=applied`).expect(200)).body.items[0].id as string;
    expectError(await app.as().post(`/api/trips/${trip.id}/participants/${pending}/accept`), 409, 'TRIP_NOT_EDITABLE');
    const acceptedOne = (await app.as().get(`/api/trips/${trip.id}/participants?companyId=${b}`).expect(200)).body.items[0].id as string;
    expectError(await app.as().delete(`/api/trips/${trip.id}/participants/${acceptedOne}`), 409, 'TRIP_NOT_EDITABLE');
    const meeting = await app.as().post(`/api/trips/${trip.id}/meetings`, { companyId: a, partner: { name: 'Late Entry Sp. z o.o.', countryCode: 'PL' }, at: `${completed.body.startsOn}T12:00:00Z` }).expect(201);
    await app.as().put(`/api/trips/${trip.id}/meetings/${meeting.body.id}/outcome`, { outcome: 'follow-up' }).expect(200);
  });

  it('corrects a completed trip\'s record as a whole with TripCompletionCorrected naming the event it corrects; the same record again changes nothing', async () => {
    const trip = await createTrip(app);
    const [a, b] = await Promise.all([seedCompany(app), seedCompany(app)]);
    await acceptedParticipant(app, trip.id, a);
    await acceptedParticipant(app, trip.id, b);
    await startTrip(app, trip.id, 4);
    expectError(await correct(trip.id, { travelled: [] }), 409, 'TRIP_STATUS_CONFLICT');
    await complete(trip.id).expect(200);
    const [completedEvent] = (await outboxEvents<TripCompleted>(app, 'TripCompleted')).filter((e) => e.data.tripId === trip.id);

    const first = await correct(trip.id, { travelled: [{ companyId: a, daysAbroad: 4 }, { companyId: b, daysAbroad: 2, subsidySek: 7500 }] }).expect(200);
    expect(first.body).toMatchObject({ completionRevision: 2, travelled: [{ companyId: a, daysAbroad: 4, subsidySek: 15000 }, { companyId: b, daysAbroad: 2, subsidySek: 7500 }] });
    const second = await correct(trip.id, { travelled: [{ companyId: a, daysAbroad: 4 }] }).expect(200);
    expect(second.body).toMatchObject({ completionRevision: 3, travelled: [{ companyId: a, daysAbroad: 4, subsidySek: 15000 }] });
    await correct(trip.id, { travelled: [{ companyId: a, daysAbroad: 4, subsidySek: 15000 }] }).expect(200);

    const corrections = (await outboxEvents<TripCompletionCorrected>(app, 'TripCompletionCorrected')).filter((e) => e.data.tripId === trip.id);
    expect(corrections.map((e) => [e.data.correctsEventId, e.data.travellingCompanies.length])).toEqual([
      [completedEvent.id, 2],
      [corrections[0].id, 1],
    ]);
    expectError(await correct(trip.id, { travelled: [{ companyId: randomUUID(), daysAbroad: 1 }] }), 422, 'NOT_AN_ACCEPTED_PARTICIPANT');
    expectError(await correct(trip.id, {}), 400, 'VALIDATION_FAILED');
  });
});
