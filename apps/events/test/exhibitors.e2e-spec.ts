import { randomUUID } from 'node:crypto';
import { createEvent, type EventsApp, expectError, seedCompany, startEventsApp } from './support/events-app';

describe('trade-fair exhibitors (real Postgres)', () => {
  let app: EventsApp;

  beforeAll(async () => {
    app = await startEventsApp();
  });
  afterAll(() => app?.close());

  const add = (eventId: string, body: object, token = app.tokens.staff) =>
    app.http().post(`/api/events/${eventId}/exhibitors`).set('Authorization', `Bearer ${token}`).send(body);
  const tuttoFood = () =>
    createEvent(app, { kind: 'trade-fair', title: 'Tutto Food', topic: 'market-entry', location: { city: 'Milano', country: 'IT' }, targetCountry: 'IT', capacity: undefined });

  it('lists a company exhibiting its products at a trade fair', async () => {
    const fair = await tuttoFood();
    const dairy = await seedCompany(app, { name: 'Norrmejerier' });
    const res = await add(fair.id, { companyId: dairy, products: ['Västerbottensost', ' Grevé '], stand: 'Hall 4, B12' }).expect(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      eventId: fair.id,
      companyId: dairy,
      products: ['Västerbottensost', 'Grevé'],
      stand: 'Hall 4, B12',
      addedAt: expect.any(String),
    });
    const list = await app.http().get(`/api/events/${fair.id}/exhibitors`).set('Authorization', `Bearer ${await app.companyToken(dairy)}`).expect(200);
    expect(list.body).toMatchObject({ total: 1, items: [{ id: res.body.id }] });
  });

  it('refuses exhibitors for events that are not trade fairs', async () => {
    const seminar = await createEvent(app);
    const body = expectError(await add(seminar.id, { companyId: await seedCompany(app), products: ['Cheese'] }), 422, 'NOT_A_TRADE_FAIR');
    expect(body.details).toEqual({ eventId: seminar.id, kind: 'seminar' });
  });

  it('lists a company once per fair', async () => {
    const fair = await tuttoFood();
    const company = await seedCompany(app);
    const first = await add(fair.id, { companyId: company, products: ['Cheese'] }).expect(201);
    expect(expectError(await add(fair.id, { companyId: company, products: ['Butter'] }), 409, 'ALREADY_EXHIBITING').details).toEqual({ exhibitorId: first.body.id });
  });

  it('refuses unknown and merged companies, cancelled fairs and bad product lists', async () => {
    const fair = await tuttoFood();
    expectError(await add(fair.id, { companyId: randomUUID(), products: ['Cheese'] }), 422, 'UNKNOWN_COMPANY');
    const survivor = await seedCompany(app);
    expectError(await add(fair.id, { companyId: await seedCompany(app, { mergedInto: survivor }), products: ['Cheese'] }), 422, 'COMPANY_MERGED');
    for (const products of [[], ['Cheese', 'Cheese'], [''], 'Cheese']) {
      expectError(await add(fair.id, { companyId: survivor, products }), 400, 'VALIDATION_FAILED');
    }
    expectError(await add(randomUUID(), { companyId: survivor, products: ['Cheese'] }), 404, 'EVENT_NOT_FOUND');
    await app.http().post(`/api/events/${fair.id}/cancel`).set('Authorization', `Bearer ${app.tokens.staff}`).expect(200);
    expectError(await add(fair.id, { companyId: survivor, products: ['Cheese'] }), 409, 'EVENT_CANCELLED');
  });

  it('are added by staff only', async () => {
    const fair = await tuttoFood();
    const company = await seedCompany(app);
    for (const token of [await app.companyToken(company), app.tokens.financier]) {
      expectError(await add(fair.id, { companyId: company, products: ['Cheese'] }, token), 403, 'FORBIDDEN');
    }
  });
});
