// What the events service's end-to-end tests share: the real app on its own database, tokens per
// role, companies seeded into the company copy, and small builders of valid requests.
import { randomUUID } from 'node:crypto';
import { queryDatabase, startTestService, type TestService } from '@globac/testing';
import { AppModule } from '../../src/app.module';
import { EventsConfig } from '../../src/events.config';

export type EventsApp = TestService<EventsConfig> & {
  tokens: { staff: string; financier: string; admin: string };
  /** A token of a company user acting for that company. */
  companyToken: (companyId: string) => Promise<string>;
  sql: <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;
};

export async function startEventsApp(env: Record<string, string> = {}): Promise<EventsApp> {
  const service = await startTestService({ service: 'events', configClass: EventsConfig, createModule: (config) => AppModule.forRoot(config), env });
  const [staff, financier, admin] = await Promise.all([
    service.token({ role: 'staff' }),
    service.token({ role: 'financier' }),
    service.token({ role: 'admin' }),
  ]);
  return {
    ...service,
    tokens: { staff, financier, admin },
    companyToken: (companyId) => service.token({ role: 'company', companyId, subject: `user-of-${companyId}` }),
    sql: (text, params = []) => queryDatabase(service.config.DATABASE_NAME, text, params),
  };
}

/** Puts a company into the copy directly, as its CompanyRegistered event would. */
export async function seedCompany(app: EventsApp, options: { id?: string; name?: string; mergedInto?: string } = {}): Promise<string> {
  const id = options.id ?? randomUUID();
  await app.sql(
    `INSERT INTO company_copy (id, org_number, name, municipality, size_class, revision, merged_into, merged_at)
     VALUES ($1, NULL, $2, 'Umeå', 'small', 1, $3, CASE WHEN $3::uuid IS NULL THEN NULL ELSE now() END)`,
    [id, options.name ?? `Company ${id.slice(0, 8)}`, options.mergedInto ?? null],
  );
  return id;
}

const HOUR = 3_600_000;
export const hoursFromNow = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();

/** A valid body of POST /api/events: a seminar in Umeå in a week. */
export function seminar(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'seminar',
    title: 'Transport and logistics to Poland',
    topic: 'transport-logistics',
    startsAt: hoursFromNow(24 * 7),
    endsAt: hoursFromNow(24 * 7 + 3),
    location: { city: 'Umeå', country: 'SE' },
    capacity: 40,
    targetCountry: 'PL',
    financiers: ['eu', 'region-vasterbotten'],
    ...overrides,
  };
}

/** Creates an event as staff and returns its body. */
export async function createEvent(app: EventsApp, overrides: Record<string, unknown> = {}) {
  const res = await app.http().post('/api/events').set('Authorization', `Bearer ${app.tokens.staff}`).send(seminar(overrides));
  if (res.status !== 201) throw new Error(`creating an event answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as { id: string; startsAt: string; seats: { registered: number; waitlisted: number; available: number | null } } & Record<string, unknown>;
}

/** POST /api/events/:id/registrations as staff (or with the given token). */
export function register(app: EventsApp, eventId: string, body: object, token = app.tokens.staff) {
  return app.http().post(`/api/events/${eventId}/registrations`).set('Authorization', `Bearer ${token}`).send(body);
}

let people = 0;
/** A participant given by name with a unique e-mail address. */
export function person(overrides: Record<string, unknown> = {}) {
  people += 1;
  return { name: `Participant ${people}`, email: `participant-${people}-${randomUUID().slice(0, 6)}@example.se`, gender: 'woman', ...overrides };
}

/** Moves an event to have started an hour ago (staff may move an event; attendance needs it started). */
export async function startEvent(app: EventsApp, eventId: string) {
  await app
    .http()
    .patch(`/api/events/${eventId}`)
    .set('Authorization', `Bearer ${app.tokens.staff}`)
    .send({ startsAt: hoursFromNow(-1), endsAt: hoursFromNow(2), registrationClosesAt: null })
    .expect(200);
}

/** Asserts the common error shape and returns the body. */
export function expectError(res: { status: number; body: Record<string, unknown> }, status: number, error: string) {
  expect({ status: res.status, error: res.body.error }).toEqual({ status, error });
  expect(res.body).toEqual(expect.objectContaining({ statusCode: status, error, message: expect.any(String) }));
  return res.body as { statusCode: number; error: string; message: string; details?: unknown };
}
