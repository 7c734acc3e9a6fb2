// The one door to the services' HTTP APIs. The types are the shared ones generated from the services'
// OpenAPI documents (`@globac/api-client`, made by `npm run api:generate`; docs/api.md). They are
// imported as types only: the lib has no code, and the Vite config refuses any run-time import of it.
import type { CompaniesApi, EventsApi, ReportingApi, TripsApi } from '@globac/api-client';
import createClient, { type Middleware } from 'openapi-fetch';
import { currentSession, signOut } from './session';

export type CompaniesPaths = CompaniesApi.paths;
export type CompaniesSchemas = CompaniesApi.components['schemas'];
export type EventsPaths = EventsApi.paths;
export type EventsSchemas = EventsApi.components['schemas'];
export type TripsPaths = TripsApi.paths;
export type TripsSchemas = TripsApi.components['schemas'];
export type ReportingPaths = ReportingApi.paths;
export type ReportingSchemas = ReportingApi.components['schemas'];

/** One field problem of a VALIDATION_FAILED answer. */
export interface FieldProblem {
  field: string;
  rule?: string;
  message: string;
}

/** The platform's error shape `{ statusCode, error, message, details? }`, thrown by `unwrap`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  /** The per-field problems, keyed by field path (`location.city`), first problem of each. */
  fieldProblems(): Record<string, FieldProblem> {
    if (!Array.isArray(this.details)) return {};
    const out: Record<string, FieldProblem> = {};
    for (const d of this.details as FieldProblem[]) if (d && typeof d.field === 'string' && !out[d.field]) out[d.field] = d;
    return out;
  }
}

const bearer: Middleware = {
  onRequest({ request }) {
    const session = currentSession();
    if (session) request.headers.set('authorization', `Bearer ${session.token}`);
    return request;
  },
  onResponse({ response }) {
    // An expired or revoked token: back to the sign-in rather than a page of errors.
    if (response.status === 401) signOut('expired');
    return response;
  },
};

// Same origin in the browser (the Ingress, or `npm start`'s proxy, routes /api/...). Tests point
// each client at the service they started.
const origin = typeof window !== 'undefined' && window.location.origin !== 'null' ? window.location.origin : 'http://127.0.0.1';

type ServiceBases = { companies: string; events: string; trips: string; reporting: string };

function makeClients(bases: ServiceBases) {
  const clients = {
    companies: createClient<CompaniesPaths>({ baseUrl: bases.companies }),
    events: createClient<EventsPaths>({ baseUrl: bases.events }),
    // No screens use these yet; they are here so that the first one starts from a typed client.
    trips: createClient<TripsPaths>({ baseUrl: bases.trips }),
    reporting: createClient<ReportingPaths>({ baseUrl: bases.reporting }),
  };
  for (const client of Object.values(clients)) client.use(bearer);
  return clients;
}

const sameOrigin: ServiceBases = { companies: origin, events: origin, trips: origin, reporting: origin };

export let api = makeClients(sameOrigin);

/** For component tests: the services run on their own ports without the Ingress (those not given stay on the page's origin). */
export function setApiBaseUrls(bases: Partial<ServiceBases>): void {
  api = makeClients({ ...sameOrigin, ...bases });
}

/** Returns the data of a successful answer, or throws ApiError with the platform's error shape. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  const body = (error ?? {}) as { error?: string; message?: string; details?: unknown };
  throw new ApiError(response.status, body.error ?? `HTTP_${response.status}`, body.message ?? response.statusText, body.details);
}
