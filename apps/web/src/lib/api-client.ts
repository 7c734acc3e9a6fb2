// The one door to the services' HTTP APIs. The types come from the services' OpenAPI documents
// (apps/web/src/api/generated, made by `npm run web:api`); when the shared generated client lands,
// only these imports change.
import createClient, { type Middleware } from 'openapi-fetch';
import type { components as CompaniesComponents, paths as CompaniesPaths } from '../api/generated/companies';
import type { components as EventsComponents, paths as EventsPaths } from '../api/generated/events';
import { currentSession, signOut } from './session';

export type CompaniesSchemas = CompaniesComponents['schemas'];
export type { CompaniesPaths, EventsPaths };
export type EventsSchemas = EventsComponents['schemas'];

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

function makeClients(bases: { companies: string; events: string }) {
  const companies = createClient<CompaniesPaths>({ baseUrl: bases.companies });
  const events = createClient<EventsPaths>({ baseUrl: bases.events });
  companies.use(bearer);
  events.use(bearer);
  return { companies, events };
}

export let api = makeClients({ companies: origin, events: origin });

/** For component tests: the services run on their own ports without the Ingress. */
export function setApiBaseUrls(bases: { companies: string; events: string }): void {
  api = makeClients(bases);
}

/** Returns the data of a successful answer, or throws ApiError with the platform's error shape. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  const body = (error ?? {}) as { error?: string; message?: string; details?: unknown };
  throw new ApiError(response.status, body.error ?? `HTTP_${response.status}`, body.message ?? response.statusText, body.details);
}
