// What the trips service's end-to-end tests share: the real app on its own database, tokens per role,
// companies seeded into the company copy, and small builders of valid requests.
import { randomUUID } from 'node:crypto';
import { queryDatabase, startTestService, type TestService } from '@globac/testing';
import { AppModule } from '../../src/app.module';
import { TripsConfig } from '../../src/trips.config';

export type TripsApp = TestService<TripsConfig> & {
  tokens: { staff: string; financier: string; admin: string };
  /** A token of a company user acting for that company. */
  companyToken: (companyId: string) => Promise<string>;
  sql: <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;
  /** supertest with a bearer token (staff by default). */
  as: (token?: string) => {
    get: (url: string) => ReturnType<ReturnType<TestService<TripsConfig>['http']>['get']>;
    post: (url: string, body?: object) => ReturnType<ReturnType<TestService<TripsConfig>['http']>['post']>;
    put: (url: string, body?: object) => ReturnType<ReturnType<TestService<TripsConfig>['http']>['put']>;
    patch: (url: string, body?: object) => ReturnType<ReturnType<TestService<TripsConfig>['http']>['patch']>;
    delete: (url: string) => ReturnType<ReturnType<TestService<TripsConfig>['http']>['delete']>;
  };
};

/** Fast retries and outbox polling, so that tests of asynchronous effects finish in seconds. */
export const FAST_MESSAGING = {
  MESSAGING_RETRY_DELAY_MS: '50',
  MESSAGING_RETRY_MAX_DELAY_MS: '200',
  OUTBOX_POLL_INTERVAL_MS: '200',
};

export async function startTripsApp(options: { env?: Record<string, string>; reuse?: { databaseName: string; subjectPrefix: string } } = {}): Promise<TripsApp> {
  const service = await startTestService({
    service: 'trips',
    configClass: TripsConfig,
    createModule: (config) => AppModule.forRoot(config),
    env: options.env,
    reuse: options.reuse,
  });
  const [staff, financier, admin] = await Promise.all([
    service.token({ role: 'staff', subject: 'staff-1' }),
    service.token({ role: 'financier' }),
    service.token({ role: 'admin' }),
  ]);
  const as: TripsApp['as'] = (token = staff) => {
    const auth = `Bearer ${token}`;
    return {
      get: (url) => service.http().get(url).set('Authorization', auth),
      post: (url, body) => service.http().post(url).set('Authorization', auth).send(body),
      put: (url, body) => service.http().put(url).set('Authorization', auth).send(body),
      patch: (url, body) => service.http().patch(url).set('Authorization', auth).send(body),
      delete: (url) => service.http().delete(url).set('Authorization', auth),
    };
  };
  return {
    ...service,
    tokens: { staff, financier, admin },
    companyToken: (companyId) => service.token({ role: 'company', companyId, subject: `user-of-${companyId}` }),
    sql: (text, params = []) => queryDatabase(service.config.DATABASE_NAME, text, params),
    as,
  };
}

/** Puts a company into the copy directly, as its CompanyRegistered event would. */
export async function seedCompany(app: TripsApp, options: { id?: string; mergedInto?: string } = {}): Promise<string> {
  const id = options.id ?? randomUUID();
  await app.sql(
    `INSERT INTO company_copy (id, org_number, name, municipality, size_class, revision, merged_into, merged_at)
     VALUES ($1, NULL, $2, 'Umeå', 'small', 1, $3, CASE WHEN $3::uuid IS NULL THEN NULL ELSE now() END)`,
    [id, `Company ${id.slice(0, 8)}`, options.mergedInto ?? null],
  );
  return id;
}

/** A calendar day `days` from today (UTC; far enough from midnight in the tests' use). */
export const dayFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A valid body of POST /api/trips: a delegation to Poznań in a month. */
export function delegation(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Delegation to Poznań: food and wood',
    purpose: 'B2B meetings with wholesalers and the Poznań fair',
    destinations: [{ country: 'PL', targetRegion: 'poznan', city: 'Poznań' }],
    startsOn: dayFromToday(30),
    endsOn: dayFromToday(33),
    capacity: 10,
    financiers: ['eu', 'region-vasterbotten'],
    subsidyPerCompanySek: 15000,
    ...overrides,
  };
}

export interface TripBody {
  id: string;
  status: string;
  startsOn: string;
  endsOn: string;
  places: { accepted: number; available: number | null };
  travelled: { companyId: string; daysAbroad: number; subsidySek: number }[] | null;
  [key: string]: unknown;
}

/** Plans a trip as staff (optionally opening it) and answers its body. */
export async function createTrip(app: TripsApp, overrides: Record<string, unknown> = {}, open = true): Promise<TripBody> {
  const res = await app.as().post('/api/trips', delegation(overrides));
  if (res.status !== 201) throw new Error(`planning a trip answered ${res.status}: ${JSON.stringify(res.body)}`);
  if (!open) return res.body;
  return (await app.as().post(`/api/trips/${res.body.id}/open`).expect(200)).body;
}

let people = 0;
/** A traveller given by name with a unique e-mail address. */
export function traveller(overrides: Record<string, unknown> = {}) {
  people += 1;
  return { name: `Traveller ${people}`, email: `traveller-${people}-${randomUUID().slice(0, 6)}@example.se`, gender: 'woman', ...overrides };
}

/** Applies with a company as staff (or the given token). */
export function apply(app: TripsApp, tripId: string, companyId: string, token?: string) {
  return app.as(token).post(`/api/trips/${tripId}/participants`, { companyId, travellers: [traveller()] });
}

/** Applies with a company and accepts it; answers the participation id. */
export async function acceptedParticipant(app: TripsApp, tripId: string, companyId: string): Promise<string> {
  const applied = await apply(app, tripId, companyId).expect(201);
  await app.as().post(`/api/trips/${tripId}/participants/${applied.body.id}/accept`).expect(200);
  return applied.body.id;
}

/** Moves a trip to have started today (staff may move a trip's days; completion and outcomes need it started). */
export async function startTrip(app: TripsApp, tripId: string, days = 4) {
  await app.as().patch(`/api/trips/${tripId}`, { startsOn: dayFromToday(-1), endsOn: dayFromToday(days - 2), applicationClosesOn: null }).expect(200);
}

/** Asserts the common error shape and returns the body. */
export function expectError(res: { status: number; body: Record<string, unknown> }, status: number, error: string) {
  expect({ status: res.status, error: res.body.error }).toEqual({ status, error });
  expect(res.body).toEqual(expect.objectContaining({ statusCode: status, error, message: expect.any(String) }));
  return res.body as { statusCode: number; error: string; message: string; details?: unknown };
}

/** The integration events of a type in the service's outbox, oldest first. */
export async function outboxEvents<T = Record<string, unknown>>(app: TripsApp, type: string): Promise<{ id: string; data: T }[]> {
  const rows = await app.sql<{ envelope: { id: string; data: T } }>("SELECT envelope FROM outbox WHERE event_type = $1 ORDER BY position", [type]);
  return rows.map((r) => r.envelope);
}
