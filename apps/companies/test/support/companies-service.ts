// The companies service as end-to-end tests use it: the real app on a real database of its own, with
// tokens for each role and small helpers that keep the tests about behaviour rather than set-up.
import type { EventClass } from '@globac/contracts';
import { publishTestEvent, queryDatabase, startTestService, type TestService } from '@globac/testing';
import { luhnCheckDigit } from '../../src/companies/org-number';
import { AppModule } from '../../src/app.module';
import { CompaniesConfig } from '../../src/companies.config';

export interface CompaniesTestService {
  service: TestService<CompaniesConfig>;
  database: string;
  staff: string;
  admin: string;
  financier: string;
  /** A token of a representative of the given company. */
  companyToken: (companyId: string) => Promise<string>;
  /** supertest with a bearer token. */
  as: (token: string) => {
    get: (url: string) => ReturnType<ReturnType<TestService<CompaniesConfig>['http']>['get']>;
    post: (url: string, body?: object) => ReturnType<ReturnType<TestService<CompaniesConfig>['http']>['post']>;
    put: (url: string, body?: object) => ReturnType<ReturnType<TestService<CompaniesConfig>['http']>['put']>;
    patch: (url: string, body?: object) => ReturnType<ReturnType<TestService<CompaniesConfig>['http']>['patch']>;
    delete: (url: string) => ReturnType<ReturnType<TestService<CompaniesConfig>['http']>['delete']>;
  };
  /** Publishes an integration event of another producer (e.g. trips) to this test's streams, as that producer would. */
  publish: <T extends object>(contract: EventClass<T>, data: T) => Promise<string>;
  /** Registers a company as staff and answers its body. */
  registerCompany: (fields?: Record<string, unknown>) => Promise<Record<string, unknown> & { id: string; orgNumber: string }>;
  close: () => Promise<void>;
}

let serial = 0;

/** A valid organisation number of a legal entity (third digit 6), different on every call in this process. */
export function nextOrgNumber(): string {
  serial += 1;
  const nine = `556${String(process.pid % 100).padStart(2, '0')}${String(serial).padStart(4, '0')}`;
  return `${nine.slice(0, 6)}-${nine.slice(6)}${luhnCheckDigit(nine)}`;
}

export async function startCompaniesService(): Promise<CompaniesTestService> {
  const service = await startTestService({ service: 'companies', configClass: CompaniesConfig, createModule: (config) => AppModule.forRoot(config) });
  const [staff, admin, financier] = await Promise.all([
    service.token({ role: 'staff', subject: 'staff-1' }),
    service.token({ role: 'admin', subject: 'admin-1' }),
    service.token({ role: 'financier', subject: 'financier-1' }),
  ]);
  const as: CompaniesTestService['as'] = (token) => {
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
    service,
    database: service.config.DATABASE_NAME,
    staff,
    admin,
    financier,
    companyToken: (companyId) => service.token({ role: 'company', companyId, subject: `rep-${companyId.slice(0, 8)}` }),
    as,
    registerCompany: async (fields = {}) => {
      const res = await as(staff).post('/api/companies', {
        orgNumber: nextOrgNumber(),
        name: `Company ${serial} AB`,
        municipality: 'Umeå',
        ...fields,
      });
      if (res.status !== 201) throw new Error(`registering a company answered ${res.status}: ${JSON.stringify(res.body)}`);
      return res.body;
    },
    publish: async (contract, data) => (await publishTestEvent(service.config.NATS_SUBJECT_PREFIX, contract, data)).id,
    close: () => service.close(),
  };
}

export const UNKNOWN_ID = '7d1e5c1a-0b9e-4a57-8f3e-2c6d9b4a1f00';

export interface OutboxEvent {
  id: string;
  type: string;
  version: number;
  source: string;
  occurredOn: string;
  data: Record<string, unknown>;
}

/** The integration events the service wrote to its outbox (in write order), optionally of one type and about one thing. */
export async function outboxEvents(database: string, type?: string, about?: (data: Record<string, unknown>) => boolean): Promise<OutboxEvent[]> {
  const rows = await queryDatabase<{ envelope: OutboxEvent }>(
    database,
    `SELECT envelope FROM outbox ${type ? 'WHERE event_type = $1' : ''} ORDER BY position`,
    type ? [type] : [],
  );
  return rows.map((r) => r.envelope).filter((e) => !about || about(e.data));
}
