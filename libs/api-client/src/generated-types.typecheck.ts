// Compile-time checks (run by `npm run typecheck`, part of `npm test`) that the generated types take
// the bodies docs/api.md and the documents describe, and refuse what the services refuse. Nothing here
// runs; a wrong document makes this file fail to compile.
import type { components as Companies, paths as CompaniesPaths } from './companies';
import type { components as Events, paths as EventsPaths } from './events';

type CompanySchemas = Companies['schemas'];
type EventSchemas = Events['schemas'];
type Json<R> = R extends { content: { 'application/json': infer B } } ? B : never;

const COMPANY_ID = '3f1c8d2e-5b7a-4c9e-8f10-2a3b4c5d6e7f';
const EVENT_ID = '7d1e5c1a-0b9e-4a57-8f3e-2c6d9b4a1f00';

// A change sends only its fields; null clears an optional one (issue 11: these were `Record<string, never>`).
export const changeSni = { sniCode: '46.690' } satisfies CompanySchemas['UpdateCompanyDto'];
export const clearOptionalFields = { sniCode: null, employees: null, website: null, description: null } satisfies CompanySchemas['UpdateCompanyDto'];
export const patchBody = { employees: 24, municipality: 'Umeå' } satisfies Json<
  NonNullable<CompaniesPaths['/api/companies/{id}']['patch']['requestBody']>
>;
// @ts-expect-error an SNI code is a string
export const sniAsNumber = { sniCode: 46690 } satisfies CompanySchemas['UpdateCompanyDto'];
// @ts-expect-error the service refuses fields it does not know, and so do the types
export const unknownField = { sniCode: '46', colour: 'red' } satisfies CompanySchemas['UpdateCompanyDto'];
// @ts-expect-error a company always has a name: it cannot be cleared
export const clearName = { name: null } satisfies CompanySchemas['UpdateCompanyDto'];

// Error answers carry their code and typed details.
type Duplicate = Json<CompaniesPaths['/api/companies']['post']['responses'][409]>;
export const duplicate = {
  statusCode: 409,
  error: 'DUPLICATE_ORG_NUMBER',
  message: 'A company with organisation number 556036-0793 is already registered',
  details: { existingId: COMPANY_ID, orgNumber: '556036-0793' },
} satisfies Duplicate;
export const existingIdOf = (answer: Duplicate): string => answer.details.existingId;
type Merged = Json<CompaniesPaths['/api/companies/{id}']['get']['responses'][410]>;
export const mergedIntoOf = (answer: Merged): string => answer.details.mergedInto;
type CompanyNotFound = Json<CompaniesPaths['/api/companies/{id}']['get']['responses'][404]>;
export const notFound = { statusCode: 404, error: 'COMPANY_NOT_FOUND', message: 'No company with id …', details: { id: COMPANY_ID } } satisfies CompanyNotFound;
// @ts-expect-error the 404 of a company is COMPANY_NOT_FOUND, not another code
export const otherNotFound = { statusCode: 404, error: 'CONTACT_NOT_FOUND', message: 'x', details: { id: COMPANY_ID } } satisfies CompanyNotFound;
type Invalid = Json<CompaniesPaths['/api/companies']['post']['responses'][400]>;
export const invalid = {
  statusCode: 400,
  error: 'VALIDATION_FAILED',
  message: 'orgNumber: must be a valid Swedish organisation number',
  details: [{ field: 'orgNumber', rule: 'isOrgNumber', message: 'must be a valid Swedish organisation number' }],
} satisfies Invalid;
export const unsupportedMediaType = { statusCode: 415, error: 'UNSUPPORTED_MEDIA_TYPE', message: 'Unsupported Media Type' } satisfies Json<
  CompaniesPaths['/api/companies']['post']['responses'][415]
>;

// Collections are { items, total, page, pageSize }.
export const firstPage = { items: [], total: 0, page: 1, pageSize: 20 } satisfies Json<CompaniesPaths['/api/companies']['get']['responses'][200]>;

// Events: nullable fields take null, and a registration without attendance says so with null.
export const unlimitedEvent = {
  kind: 'seminar',
  title: 'Transport and logistics to Poland',
  topic: 'transport-logistics',
  startsAt: '2026-03-12T08:30:00Z',
  endsAt: '2026-03-12T12:00:00Z',
  location: { city: 'Umeå', country: 'SE' },
  capacity: null,
  targetCountry: null,
  registrationClosesAt: null,
} satisfies EventSchemas['CreateProgrammeEventDto'];
export const moreSeats = { capacity: 60, targetCountry: 'PL' } satisfies EventSchemas['UpdateProgrammeEventDto'];
export const namedParticipant = { name: 'Anna Lindqvist', email: null } satisfies EventSchemas['ParticipantDto'];
export const standUnknown = { companyId: COMPANY_ID, products: ['Västerbottensost'], stand: null } satisfies EventSchemas['AddExhibitorDto'];
export const notYetAttended = {
  id: EVENT_ID,
  eventId: EVENT_ID,
  companyId: COMPANY_ID,
  status: 'registered',
  waitlistPosition: null,
  participant: { kind: 'person', name: 'Anna Lindqvist', email: null, gender: 'woman' },
  source: 'sign-up',
  registeredAt: '2026-03-01T09:00:00.000Z',
  promotedAt: null,
  cancelledAt: null,
  attendance: null,
} satisfies EventSchemas['RegistrationDto'];
export const attended = { ...notYetAttended, attendance: { attended: true, hours: 3.5, recordedAt: '2026-03-12T12:00:00.000Z' } } satisfies EventSchemas['RegistrationDto'];
export const notStarted = {
  statusCode: 409,
  error: 'EVENT_NOT_STARTED',
  message: 'Attendance can be taken once the event has started (at 2026-03-12T08:30:00.000Z)',
  details: { eventId: EVENT_ID, startsAt: '2026-03-12T08:30:00.000Z' },
} satisfies Json<EventsPaths['/api/events/{eventId}/attendance']['put']['responses'][409]>;
export const mergedCompany = {
  statusCode: 422,
  error: 'COMPANY_MERGED',
  message: 'Company … was merged into …: use that company',
  details: { companyId: COMPANY_ID, mergedInto: EVENT_ID },
} satisfies Json<EventsPaths['/api/events/{eventId}/registrations']['post']['responses'][422]>;
