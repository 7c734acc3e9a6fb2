import { apply, createTrip, outboxEvents, seedCompany, type TripsApp, startTripsApp } from './support/trips-app';

describe('acceptances under concurrency (real Postgres)', () => {
  let app: TripsApp;

  beforeAll(async () => {
    // Acceptances of one trip wait for each other on its row lock, each holding a pooled connection; with
    // the default pool of 10 the rest wait for a connection, and on a loaded machine longer than the pool's
    // 5 s acquisition timeout. Enough connections for most of the burst keep this a test of exactness.
    app = await startTripsApp({ env: { DATABASE_POOL_SIZE: '50' } });
  });
  afterAll(() => app?.close());

  it('100 acceptances sent at once for 30 places accept exactly 30 companies; the other 70 get 409 TRIP_FULL', async () => {
    const trip = await createTrip(app, { capacity: 30 });
    const companies = await Promise.all(Array.from({ length: 100 }, () => seedCompany(app)));
    const applications: string[] = [];
    for (const company of companies) applications.push((await apply(app, trip.id, company).expect(201)).body.id);

    const answers = await Promise.all(applications.map((id) => app.as().post(`/api/trips/${trip.id}/participants/${id}/accept`)));

    expect(answers.filter((r) => r.status === 200)).toHaveLength(30);
    const refused = answers.filter((r) => r.status !== 200);
    expect(refused.map((r) => [r.status, r.body.error])).toEqual(Array(70).fill([409, 'TRIP_FULL']));
    // What is stored agrees with what was answered, with the trip's counter and with the events published.
    const stored = await app.sql<{ status: string; n: string }>('SELECT status, count(*) AS n FROM trip_participant WHERE trip_id = $1 GROUP BY status ORDER BY status', [trip.id]);
    expect(stored).toEqual([
      { status: 'accepted', n: '30' },
      { status: 'applied', n: '70' },
    ]);
    const read = await app.as().get(`/api/trips/${trip.id}`).expect(200);
    expect(read.body.places).toEqual({ accepted: 30, available: 0 });
    const accepted = (await outboxEvents(app, 'TripParticipantAccepted')).filter((e) => e.data.tripId === trip.id);
    expect(accepted.map((e) => e.data.participationId).sort()).toEqual(answers.filter((r) => r.status === 200).map((r) => r.body.id as string).sort());
  });
});
