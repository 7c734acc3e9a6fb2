/**
 * Types of the services' HTTP APIs, generated from their OpenAPI documents (docs/openapi/*.json) by
 * `npm run api:generate`: `paths`, `components` and `operations` per service, for a typed client such
 * as openapi-fetch (`createClient<CompaniesApi.paths>()`). For clients of the services (the web app),
 * never for the services themselves: the lint boundaries refuse it there.
 */
export type * as CompaniesApi from './companies';
export type * as EventsApi from './events';
export type * as ReportingApi from './reporting';
export type * as TripsApi from './trips';
