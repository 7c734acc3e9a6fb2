// The system as a whole: the companies and events services as real processes (their built entries),
// the reporting service in this process, all on one NATS subject prefix; the scenario is built through
// the services' HTTP APIs and every indicator is compared with figures worked out by hand.
//
// The trips service is not part of the build yet (it is being written alongside): its facts are
// published here as the integration events its contracts define (TripPlanned, TripCompleted,
// TripCompletionCorrected, PartnerMeetingHeld). Once it is merged, those steps become its HTTP calls.
import { randomUUID } from 'node:crypto';
import { signDevToken } from '@globac/auth';
import { ServiceConfig } from '@globac/config';
import { PartnerMeetingHeld, TripCompleted, TripCompletionCorrected, TripPlanned } from '@globac/contracts';
import {
  deleteTestStreams,
  dropTestDatabase,
  eventually,
  freePort,
  type ServiceProcess,
  spawnService,
  testInfrastructure,
  uniqueName,
} from '@globac/testing';
import { envelope, EventPublisher, type ReportingApp, startReportingApp, waitUntilHandled } from './support/reporting-app';
import { orgNumber } from './support/scenario';

interface Service {
  name: string;
  database: string;
  base: string;
  proc: ServiceProcess;
}

const HOUR = 3_600_000;
const at = (hoursFromNow: number) => new Date(Date.now() + hoursFromNow * HOUR).toISOString();
const stockholmDay = (date = new Date()) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(date);

describe('the whole system: indicators from a scenario built through the services\' APIs', () => {
  const prefix = uniqueName('t').replace(/_/g, '-');
  const services: Service[] = [];
  let reporting: ReportingApp;
  let publisher: EventPublisher;
  let staff: string;

  async function start(name: string): Promise<Service> {
    const database = uniqueName(`globac_test_${name}`);
    const port = String(await freePort());
    const proc = spawnService(name, {
      PORT: port,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATABASE_NAME: database,
      POSTGRES_URL: testInfrastructure.postgresUrl,
      NATS_URL: testInfrastructure.natsUrl,
      NATS_SUBJECT_PREFIX: prefix,
      NATS_STREAM_STORAGE: 'memory',
      RATE_LIMIT_MAX: '100000',
      MESSAGING_RETRY_DELAY_MS: '50',
      MESSAGING_RETRY_MAX_DELAY_MS: '200',
      OUTBOX_POLL_INTERVAL_MS: '200',
    });
    const service = { name, database, base: `http://127.0.0.1:${port}`, proc };
    services.push(service);
    await eventually(async () => expect((await fetch(`${service.base}/health/ready`)).status).toBe(200), { timeoutMs: 60_000, intervalMs: 100 });
    return service;
  }

  async function call(service: Service, method: string, path: string, body?: unknown, expected = [200, 201]) {
    const res = await fetch(`${service.base}${path}`, {
      method,
      headers: { authorization: `Bearer ${staff}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!expected.includes(res.status)) throw new Error(`${method} ${service.name}${path} answered ${res.status}: ${text}`);
    return text ? JSON.parse(text) : undefined;
  }

  beforeAll(async () => {
    staff = await signDevToken({ role: 'staff' }, new ServiceConfig().AUTH_DEV_SECRET);
    reporting = await startReportingApp({ env: { NATS_SUBJECT_PREFIX: prefix } });
    publisher = await EventPublisher.connect(prefix);
  });
  afterAll(async () => {
    for (const s of services) s.proc.child.kill('SIGTERM');
    await Promise.all(services.map((s) => s.proc.exited));
    await publisher?.close();
    await reporting?.stop();
    await Promise.all([...services.map((s) => dropTestDatabase(s.database)), dropTestDatabase(reporting.config.DATABASE_NAME), deleteTestStreams(prefix)]);
  });

  it('counts what happened, as worked out by hand', async () => {
    const [companies, events] = [await start('companies'), await start('events')];
    const year = Number(stockholmDay().slice(0, 4));
    const today = stockholmDay();

    // Companies (size classes from their headcounts: micro < 10, small < 50, medium < 250, large).
    const register = async (seed: number, name: string, municipality: string, employees: number, county?: string) =>
      (await call(companies, 'POST', '/api/companies', { orgNumber: orgNumber(seed), name, municipality, employees, ...(county ? { county } : {}) })).id as string;
    const A = await register(101, 'Ålands Trä AB', 'Umeå', 20);
    const B = await register(102, 'Berg Bygg AB', 'Skellefteå', 5);
    const C = await register(103, 'Cederholm AB', 'Lycksele', 100);
    const D = await register(104, 'Dubblett AB', 'Vännäs', 5);
    const S = await register(105, 'Storskog AB', 'Umeå', 30);
    const M = await register(106, 'Mobil Konsult AB', 'Skellefteå', 5);
    const X = await register(107, 'Xylem Robertsfors AB', 'Robertsfors', 20);
    const T = await register(108, 'Trafik Stockholm AB', 'outside-county', 300, 'Stockholm');
    const R = await register(109, 'Renskötsel Bjurholm AB', 'Bjurholm', 5);

    // Programme events, scheduled ahead, then moved to have started (attendance needs that).
    const event = async (kind: string, financiers: string[]) =>
      (
        await call(events, 'POST', '/api/events', {
          kind,
          title: `${kind} for the scenario`,
          topic: 'market-entry',
          startsAt: at(24 * 7),
          endsAt: at(24 * 7 + 3),
          location: { city: 'Umeå', country: 'SE' },
          capacity: 40,
          financiers,
        })
      ).id as string;
    const E1 = await event('seminar', ['eu', 'region-vasterbotten']);
    const E2 = await event('competence-meeting', ['eu']);
    const E3 = await event('seminar', ['region-vasterbotten']);
    const E4 = await event('seminar', ['eu']);
    let people = 0;
    // The events service learns companies from the companies service's events: retried until it knows them.
    const signUp = (eventId: string, companyId: string, gender: string) =>
      eventually(
        async () =>
          (
            await call(events, 'POST', `/api/events/${eventId}/registrations`, {
              companyId,
              participant: { name: `Participant ${++people}`, email: `p${people}-${randomUUID().slice(0, 6)}@example.se`, gender },
            })
          ).id as string,
        { timeoutMs: 30_000, intervalMs: 100 },
      );
    const regs = {
      A1: await signUp(E1, A, 'woman'),
      A2: await signUp(E2, A, 'woman'),
      A3: await signUp(E3, A, 'woman'),
      B1: await signUp(E1, B, 'man'),
      C2: await signUp(E2, C, 'man'),
      S1: await signUp(E1, S, 'man'),
      D1: await signUp(E1, D, 'woman'),
      M3: await signUp(E3, M, 'non-binary'),
      X4: await signUp(E4, X, 'woman'),
    };
    for (const id of [E1, E2, E3, E4]) {
      await call(events, 'PATCH', `/api/events/${id}`, { startsAt: at(-1), endsAt: at(2), registrationClosesAt: null });
    }
    const attend = (eventId: string, registrationId: string, attended: boolean, hours?: number) =>
      call(events, 'PUT', `/api/events/${eventId}/registrations/${registrationId}/attendance`, { attended, ...(hours ? { hours } : {}) });
    await attend(E1, regs.A1, true, 2);
    await attend(E2, regs.A2, true, 2);
    await attend(E3, regs.A3, true, 2);
    await attend(E1, regs.B1, false); // a no-show
    await attend(E2, regs.C2, true, 3);
    await attend(E2, regs.C2, false); // corrected to absent
    await attend(E1, regs.S1, true, 3);
    await attend(E1, regs.D1, true, 2);
    await attend(E3, regs.M3, true, 1.5);
    await attend(E4, regs.X4, true, 2);
    await call(events, 'POST', `/api/events/${E4}/cancel`, {});

    // After both attended, D turns out to be S; M moves to Umeå after its seminar.
    await call(companies, 'POST', `/api/companies/${S}/merge`, { duplicateId: D });
    await call(companies, 'PATCH', `/api/companies/${M}`, { municipality: 'Umeå' });

    // Export figures: A a new exporter (none in its baseline year, the year before its first activity).
    await call(companies, 'PUT', `/api/companies/${A}/export-figures/${year - 1}`, { totalTurnoverSek: 9_000_000, exportTurnoverSek: 0, exportMarkets: [] });
    await call(companies, 'PUT', `/api/companies/${A}/export-figures/${year}`, { totalTurnoverSek: 9_000_000, exportTurnoverSek: 500_000, exportMarkets: ['PL'] });
    await call(companies, 'PUT', `/api/companies/${S}/export-figures/${year - 1}`, { totalTurnoverSek: 9_000_000, exportTurnoverSek: 100_000, exportMarkets: ['PL'] });
    await call(companies, 'PUT', `/api/companies/${S}/export-figures/${year}`, { totalTurnoverSek: 9_000_000, exportTurnoverSek: 200_000, exportMarkets: ['PL'] });

    // The trip (published as the trips service would): T and R travelled, a correction removed R; T met
    // a partner and agreed, which the companies service turns into a relationship at agreement.
    const partner = (await call(companies, 'POST', '/api/partners', { name: 'Wielkopolska Foods', countryCode: 'PL', targetRegion: 'poznan' })).id as string;
    const tripId = randomUUID();
    const itinerary = { tripId, destinationCountries: ['PL'], targetRegions: ['poznan'], startsOn: today, endsOn: today, financierIds: ['eu'] };
    const completed = envelope(TripCompleted, {
      ...itinerary,
      travellingCompanies: [
        { companyId: T, daysAbroad: 1, subsidySek: 15_000 },
        { companyId: R, daysAbroad: 1, subsidySek: 12_000 },
      ],
      completedAt: at(0),
    });
    const tripEvents = [
      envelope(TripPlanned, { ...itinerary, title: 'Delegation to Poznań' }),
      envelope(PartnerMeetingHeld, {
        meetingId: randomUUID(),
        tripId,
        companyId: T,
        partnerId: partner,
        partnerName: null,
        partnerCountry: 'PL',
        heldAt: at(-0.5),
        outcome: 'agreement',
        followUpOn: null,
      }),
      completed,
      envelope(TripCompletionCorrected, { ...itinerary, travellingCompanies: [{ companyId: T, daysAbroad: 1, subsidySek: 16_000 }], completedAt: at(0), correctsEventId: completed.id }),
    ];
    await publisher.publish(tripEvents);
    await waitUntilHandled(reporting, tripEvents);

    const expected = {
      companiesSupported: {
        total: 4,
        bySizeClass: { small: 2, micro: 1, large: 1 },
        byActivityKind: { seminar: 3, 'competence-meeting': 1, trip: 1 },
        byMunicipality: { Umeå: 2, Skellefteå: 1, 'outside-county': 1 },
        byFinancier: { eu: 3, 'region-vasterbotten': 3 },
      },
      participations: { attended: 6, byGender: { woman: 4, man: 1, 'non-binary': 1 }, hours: 12.5 },
      trips: { completed: 1, travellingCompanies: 1, subsidySek: 16_000 },
      exporters: { exportingLatest: 2, exportingBaseline: 1, newExporters: 1, exportTurnoverSek: { baseline: 100_000, latest: 700_000 } },
      relationships: { reached: 1, byPartnerCountry: { PL: 1 }, byTargetRegion: { poznan: 1 } },
      partnerMeetings: { held: 1, byOutcome: { agreement: 1 } },
      exportRings: { companies: 0 },
    };
    // Everything travels through the outboxes, NATS and the inbox: poll until the figures settle.
    await eventually(
      async () => {
        const res = await reporting.http().get(`/api/reports/indicators?from=${year}-01-01&to=${year}-12-31`).set('Authorization', `Bearer ${reporting.tokens.financier}`).expect(200);
        const figures = Object.fromEntries(
          Object.entries(res.body)
            .filter(([, v]) => v && typeof v === 'object' && 'rule' in (v as object))
            .map(([k, v]) => {
              const { rule: _rule, ...rest } = v as Record<string, unknown>;
              return [k, rest];
            }),
        );
        expect(figures).toEqual(expected);
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );

    // The list behind companiesSupported, and a company user's own history.
    const list = await reporting.http().get(`/api/reports/indicators/companies?from=${year}-01-01&to=${year}-12-31`).set('Authorization', `Bearer ${reporting.tokens.financier}`).expect(200);
    expect(list.body.items.map((c: { companyId: string }) => c.companyId).sort()).toEqual([A, S, M, T].sort());
    const own = await reporting.http().get(`/api/reports/companies/${A}/activities`).set('Authorization', `Bearer ${await reporting.companyToken(A)}`).expect(200);
    expect(own.body.total).toBe(3);
    expect([B, C, X, R]).not.toContain(list.body.items[0].companyId);
  });
});
