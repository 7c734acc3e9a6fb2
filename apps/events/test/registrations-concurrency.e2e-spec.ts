import { createEvent, type EventsApp, register, seedCompany, startEventsApp } from './support/events-app';

describe('registrations under concurrency (real Postgres)', () => {
  let app: EventsApp;

  beforeAll(async () => {
    // Registrations for one event wait for each other on its row lock, each holding a pooled connection,
    // and the rest of the burst waits for the pool: on a loaded machine longer than the default 5 s, which
    // answers 503 (the load shedding apps/companies/test/database-pool.e2e-spec.ts tests). This test is
    // about exactness under concurrency, so its requests may wait as long as they need.
    app = await startEventsApp({ DATABASE_POOL_ACQUIRE_TIMEOUT_MS: '60000' });
  });
  afterAll(() => app?.close());

  it('200 registrations for 50 seats sent at once give exactly 50 registered and 150 waitlisted, positions 1..150', async () => {
    const companies = await Promise.all(Array.from({ length: 10 }, () => seedCompany(app)));
    const event = await createEvent(app, { capacity: 50 });

    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        register(app, event.id, {
          companyId: companies[i % companies.length],
          participant: { name: `Participant ${i}`, email: `burst-${i}@example.se`, gender: i % 2 ? 'man' : 'woman' },
        }),
      ),
    );

    expect(answers.map((r) => r.status)).toEqual(Array(200).fill(201));
    const statuses = answers.map((r) => r.body.status as string);
    expect(statuses.filter((s) => s === 'registered')).toHaveLength(50);
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(150);
    const positions = answers.map((r) => r.body.waitlistPosition as number | null).filter((p) => p !== null);
    expect(positions.sort((a, b) => a - b)).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));

    // What is stored agrees with what was answered, and with the event's counters.
    const stored = await app.sql<{ status: string; n: string; min: number | null; max: number | null }>(
      'SELECT status, count(*) AS n, min(waitlist_position) AS min, max(waitlist_position) AS max FROM registration WHERE event_id = $1 GROUP BY status ORDER BY status',
      [event.id],
    );
    expect(stored).toEqual([
      { status: 'registered', n: '50', min: null, max: null },
      { status: 'waitlisted', n: '150', min: 1, max: 150 },
    ]);
    const read = await app.http().get(`/api/events/${event.id}`).set('Authorization', `Bearer ${app.tokens.staff}`).expect(200);
    expect(read.body.seats).toEqual({ registered: 50, waitlisted: 150, available: 0 });
  });
});
