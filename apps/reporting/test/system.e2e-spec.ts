// The system as a whole: the companies, events, trips and reporting services as real processes (their
// built entries), each on its own database, all on one NATS subject prefix. The scenario is built only
// through the services' HTTP APIs; the reporting service learns it only from their integration events.
// Every indicator is compared with figures worked out by hand, and then again, unchanged:
//   1. after every message of the scenario's streams is delivered a second time;
//   2. after the reporting process is killed (SIGKILL) in the middle of a burst of 10,000 events and
//      started again;
//   3. after POST /api/reports/rebuild has replayed every stream into fresh tables and switched to them.
// The steps run in this order on purpose: the rebuild then replays the duplicates and the burst too.
import { randomUUID } from 'node:crypto';
import { signDevToken } from '@globac/auth';
import { ServiceConfig } from '@globac/config';
import { type IntegrationEventEnvelope, ParticipantAttended } from '@globac/contracts';
import { deleteTestStreams, eventually, queryDatabase } from '@globac/testing';
import { envelope, EventPublisher } from './support/reporting-app';
import { orgNumber } from './support/scenario';
import { StreamInspector, TestSystem } from './support/system';

const HOUR = 3_600_000;
const at = (hoursFromNow: number) => new Date(Date.now() + hoursFromNow * HOUR).toISOString();
/** A calendar day in Swedish time, as every service's days are. */
const stockholmDay = (date = new Date()) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(date);

type Figures = Record<string, unknown>;

describe('the whole system: indicators from a scenario built through the services\' APIs', () => {
  const system = new TestSystem();
  let streams: StreamInspector;
  let publisher: EventPublisher;
  const today = stockholmDay();
  const year = Number(today.slice(0, 4));
  const period = `from=${year}-01-01&to=${year}-12-31`;
  /** The companies of the scenario by letter, the trip and the frozen period. */
  const ids: Record<string, string> = {};
  /**
   * The answers once the figures matched the hand-worked ones: the whole indicators answer (but its
   * production time), the list behind it, the trip's report (a job run per trigger, kept as produced)
   * and a frozen period's download.
   */
  let settled: { indicators: Figures; companies: string[]; tripReport: Figures; frozenCsv: Buffer };

  beforeAll(async () => {
    // Four services starting at once on a loaded machine: each migrates its own database first.
    await Promise.all((['companies', 'events', 'trips', 'reporting'] as const).map((name) => system.start(name)));
    streams = await StreamInspector.connect(system.prefix);
    publisher = await EventPublisher.connect(system.prefix);
  }, 240_000);
  afterAll(async () => {
    await publisher?.close();
    await streams?.close();
    await system.stop();
    await deleteTestStreams(system.prefix);
  }, 60_000);

  /** The indicators without their production time (and, for the comparison with the hand-worked figures, without the rules' texts). */
  const indicators = async (query = period) => {
    const { producedAt: _producedAt, ...body } = await system.call<Figures>('reporting', 'GET', `/api/reports/indicators?${query}`);
    return body;
  };
  const withoutRules = (body: Figures) =>
    Object.fromEntries(
      Object.entries(body)
        .filter(([, v]) => v && typeof v === 'object' && 'rule' in (v as object))
        .map(([k, v]) => {
          const { rule: _rule, ...rest } = v as Record<string, unknown>;
          return [k, rest];
        }),
    );
  const supportedCompanies = async () =>
    (await system.call<{ items: { companyId: string }[] }>('reporting', 'GET', `/api/reports/indicators/companies?${period}&pageSize=100`)).items.map((c) => c.companyId).sort();
  const tripReport = () => system.call<Figures>('reporting', 'GET', `/api/reports/trips/${ids.trip}`);
  const download = async (path: string) => {
    const res = await fetch(`${system.get('reporting').base}${path}`, { headers: { authorization: `Bearer ${(await system.tokens()).staff}` } });
    expect(res.status).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  };
  /**
   * The same answers as when the figures first matched: every figure and rule text, the list behind
   * them, the trip report unchanged and still at its second revision (no job ran again for a
   * redelivered or replayed trigger), and the frozen period's file byte for byte.
   */
  const expectSameAnswers = async () => {
    expect(await indicators()).toEqual(settled.indicators);
    expect(await supportedCompanies()).toEqual(settled.companies);
    expect(await tripReport()).toEqual(settled.tripReport);
    await system.call('reporting', 'GET', `/api/reports/trips/${ids.trip}?revision=3`, undefined, { expected: [404] });
    expect(await download(`/api/reports/periods/${ids.period}?format=csv`)).toEqual(settled.frozenCsv);
  };

  it('counts what happened, as worked out by hand', async () => {
    // Companies (size classes from their headcounts: micro < 10, small < 50, medium < 250, large).
    const register = async (seed: number, name: string, municipality: string, employees: number, county?: string) =>
      (await system.call('companies', 'POST', '/api/companies', { orgNumber: orgNumber(seed), name, municipality, employees, ...(county ? { county } : {}) })).id as string;
    ids.A = await register(101, 'Ålands Trä AB', 'Umeå', 20);
    ids.B = await register(102, 'Berg Bygg AB', 'Skellefteå', 5);
    ids.C = await register(103, 'Cederholm AB', 'Lycksele', 100);
    ids.D = await register(104, 'Dubblett AB', 'Vännäs', 5);
    ids.S = await register(105, 'Storskog AB', 'Umeå', 30);
    ids.M = await register(106, 'Mobil Konsult AB', 'Skellefteå', 5);
    ids.X = await register(107, 'Xylem Robertsfors AB', 'Robertsfors', 20);
    ids.T = await register(108, 'Trafik Stockholm AB', 'outside-county', 300, 'Stockholm');
    ids.R = await register(109, 'Renskötsel Bjurholm AB', 'Bjurholm', 5);
    const { A, B, C, D, S, M, X, T, R } = ids;

    // Programme events, scheduled ahead, then moved to have started (attendance needs that).
    const event = async (kind: string, financiers: string[]) =>
      (
        await system.call('events', 'POST', '/api/events', {
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
            await system.call('events', 'POST', `/api/events/${eventId}/registrations`, {
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
      await system.call('events', 'PATCH', `/api/events/${id}`, { startsAt: at(-1), endsAt: at(2), registrationClosesAt: null });
    }
    const attend = (eventId: string, registrationId: string, attended: boolean, hours?: number) =>
      system.call('events', 'PUT', `/api/events/${eventId}/registrations/${registrationId}/attendance`, { attended, ...(hours ? { hours } : {}) });
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
    await system.call('events', 'POST', `/api/events/${E4}/cancel`, {});

    // An export ring: A a member this year; B was one last year only (not counted for this year).
    const ring = (await system.call('events', 'POST', '/api/export-rings', { name: 'Exportring Umeå', city: 'Umeå', facilitator: 'Maria Nilsson' })).id as string;
    await system.call('events', 'POST', `/api/export-rings/${ring}/members`, { companyId: A, joinedOn: `${year}-01-15` });
    const bMembership = (await system.call('events', 'POST', `/api/export-rings/${ring}/members`, { companyId: B, joinedOn: `${year - 1}-01-01` })).id as string;
    await system.call('events', 'POST', `/api/export-rings/${ring}/members/${bMembership}/leave`, { leftOn: `${year - 1}-12-31` });

    // After both attended, D turns out to be S; M moves to Umeå after its seminar.
    await system.call('companies', 'POST', `/api/companies/${S}/merge`, { duplicateId: D });
    await system.call('companies', 'PATCH', `/api/companies/${M}`, { municipality: 'Umeå' });

    // Export figures: A a new exporter (none in its baseline year, the year before its first activity).
    const figures = (company: string, y: number, exportTurnoverSek: number) =>
      system.call('companies', 'PUT', `/api/companies/${company}/export-figures/${y}`, {
        totalTurnoverSek: 9_000_000,
        exportTurnoverSek,
        exportMarkets: exportTurnoverSek ? ['PL'] : [],
      });
    await figures(A, year - 1, 0);
    await figures(A, year, 500_000);
    await figures(S, year - 1, 100_000);
    await figures(S, year, 200_000);

    // The trip, through the trips service: T and R apply and are accepted before it starts (the trips
    // service learns both companies from the companies service's events), then the trip is moved to
    // start today, T meets a partner abroad and agrees, the trip is completed with both, and a
    // correction removes R (R did not travel after all).
    const trip = await system.call('trips', 'POST', '/api/trips', {
      title: 'Delegation to Poznań',
      purpose: 'B2B meetings with wholesalers',
      destinations: [{ country: 'PL', targetRegion: 'poznan', city: 'Poznań' }],
      startsOn: stockholmDay(new Date(Date.now() + 30 * 24 * HOUR)),
      endsOn: stockholmDay(new Date(Date.now() + 31 * 24 * HOUR)),
      capacity: 10,
      financiers: ['eu'],
      subsidyPerCompanySek: 15_000,
    });
    const tripId = (ids.trip = trip.id as string);
    await system.call('trips', 'POST', `/api/trips/${tripId}/open`);
    for (const company of [T, R]) {
      const participant = await eventually(
        async () =>
          (
            await system.call('trips', 'POST', `/api/trips/${tripId}/participants`, {
              companyId: company,
              travellers: [{ name: `Traveller of ${company.slice(0, 8)}`, gender: 'woman' }],
            })
          ).id as string,
        { timeoutMs: 30_000, intervalMs: 100 },
      );
      await system.call('trips', 'POST', `/api/trips/${tripId}/participants/${participant}/accept`);
    }
    await system.call('trips', 'PATCH', `/api/trips/${tripId}`, { startsOn: today, endsOn: today });
    const partnerName = `Wielkopolska Foods ${randomUUID().slice(0, 6)} S.A.`;
    const meeting = await system.call('trips', 'POST', `/api/trips/${tripId}/meetings`, {
      companyId: T,
      partner: { name: partnerName, countryCode: 'PL', targetRegion: 'poznan' },
      at: new Date(Date.now() - 60_000).toISOString(),
    });
    await system.call('trips', 'PUT', `/api/trips/${tripId}/meetings/${meeting.id}/outcome`, { outcome: 'agreement' });
    await system.call('trips', 'POST', `/api/trips/${tripId}/complete`, {
      travelled: [
        { companyId: T, daysAbroad: 1, subsidySek: 15_000 },
        { companyId: R, daysAbroad: 1, subsidySek: 12_000 },
      ],
    });
    await system.call('trips', 'POST', `/api/trips/${tripId}/completion-corrections`, { travelled: [{ companyId: T, daysAbroad: 1, subsidySek: 16_000 }] });

    // The companies service turned the meeting's agreement into a relationship at agreement.
    await eventually(
      async () => {
        const { items } = await system.call<{ items: { stage: string; partner: { name: string } }[] }>('companies', 'GET', `/api/companies/${T}/relationships`);
        expect(items.map((r) => [r.partner.name, r.stage])).toEqual([[partnerName, 'agreement']]);
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );

    const expected = {
      companiesSupported: {
        // A (three events, counted once), S (with its merged duplicate D, once), M, T (only the trip).
        // Not B (a no-show), C (corrected to absent), X (its event was cancelled), R (removed by the
        // trip's correction).
        total: 4,
        bySizeClass: { small: 2, micro: 1, large: 1 },
        byActivityKind: { seminar: 3, 'competence-meeting': 1, trip: 1 },
        // M counts where it was at its seminar (Skellefteå); D's activity counts for S, in Umeå.
        byMunicipality: { Umeå: 2, Skellefteå: 1, 'outside-county': 1 },
        // eu: A (E1, E2), S (E1 through D and itself), T (the trip); region: A (E1, E3), S (E1), M (E3).
        byFinancier: { eu: 3, 'region-vasterbotten': 3 },
      },
      // A 3 × 2 h, S 3 h, D 2 h (for S), M 1.5 h: each participant at each event once.
      participations: { attended: 6, byGender: { woman: 4, man: 1, 'non-binary': 1 }, hours: 12.5 },
      // The corrected record: T alone, with its corrected subsidy.
      trips: { completed: 1, travellingCompanies: 1, subsidySek: 16_000 },
      // A: 0 last year, 500,000 this year (a new exporter); S: 100,000 then 200,000.
      exporters: { exportingLatest: 2, exportingBaseline: 1, newExporters: 1, exportTurnoverSek: { baseline: 100_000, latest: 700_000 } },
      // T's relationship, opened at agreement by the companies service from the trip meeting.
      relationships: { reached: 1, byPartnerCountry: { PL: 1 }, byTargetRegion: { poznan: 1 } },
      partnerMeetings: { held: 1, byOutcome: { agreement: 1 } },
      // A (a member this year); B's membership ended last year.
      exportRings: { companies: 1 },
    };
    // Everything travels through the outboxes, NATS and the inbox: poll until the figures settle.
    await eventually(async () => expect(withoutRules(await indicators())).toEqual(expected), { timeoutMs: 60_000, intervalMs: 250 });
    // Every consumer of every stream has caught up: nothing more is on its way that could change them.
    await eventually(() => streams.everyConsumerCaughtUp(), { timeoutMs: 30_000, intervalMs: 200 });
    expect(withoutRules(await indicators())).toEqual(expected);

    // The list behind companiesSupported, and a company user's own history (its three events).
    expect(await supportedCompanies()).toEqual([A, S, M, T].sort());
    const own = await system.call('reporting', 'GET', `/api/reports/companies/${A}/activities`, undefined, {
      token: await signDevToken({ role: 'company', companyId: A, subject: `user-of-${A}` }, new ServiceConfig().AUTH_DEV_SECRET),
    });
    expect(own.total).toBe(3);

    // The trip report, produced when the completion and again when its correction arrived.
    const report = await tripReport();
    expect(report).toMatchObject({
      tripId,
      title: 'Delegation to Poznań',
      revision: 2,
      travellingCompanies: [{ companyId: T, name: 'Trafik Stockholm AB', daysAbroad: 1, subsidySek: 16_000 }],
      meetings: [{ meetingId: meeting.id, companyId: T, partnerCountry: 'PL', outcome: 'agreement' }],
    });
    // The year frozen now: its download must stay the same bytes through everything that follows.
    ids.period = (await system.call('reporting', 'POST', '/api/reports/periods', { from: `${year}-01-01`, to: `${year}-12-31` }, { expected: [201] })).id as string;
    settled = {
      indicators: await indicators(),
      companies: await supportedCompanies(),
      tripReport: report,
      frozenCsv: await download(`/api/reports/periods/${ids.period}?format=csv`),
    };
    expect(settled.frozenCsv.toString('utf8')).toContain('Ålands Trä AB');
  });

  it('gives the same figures after every message of the scenario\'s streams is delivered twice', async () => {
    expect(settled).toBeDefined();
    const before = await streams.counts();
    const again = await streams.deliverEverythingAgain();
    const total = Object.values(before).reduce((a, b) => a + b, 0);
    expect(again).toBe(total);
    // JetStream kept every copy (new message ids), so every consumer of every service receives each
    // event a second time: the reporting service's projections, and the companies, events and trips
    // services' own copies (the companies service reads the trips' PartnerMeetingHeld again, too).
    expect(await streams.counts()).toEqual(Object.fromEntries(Object.entries(before).map(([name, n]) => [name, 2 * n])));
    await eventually(() => streams.everyConsumerCaughtUp(), { timeoutMs: 60_000, intervalMs: 200 });
    await expectSameAnswers();
    // The trip meeting's agreement was not taken for a second one.
    const { items } = await system.call<{ items: unknown[] }>('companies', 'GET', `/api/companies/${ids.T}/relationships`);
    expect(items).toHaveLength(1);
  });

  // The burst: 10,000 attendances of companies unknown to the system, at events of another year (the
  // year three years back). They leave this year's figures as they were (other period, other companies,
  // no export figures), and their own year shows whether each was counted exactly once.
  const BURST = 10_000;
  const burstYear = year - 3;
  const burstCompanies = 250;

  const expectBurstYear = async () => {
    const figures = await indicators(`from=${burstYear}-01-01&to=${burstYear}-12-31`);
    expect(figures.participations).toMatchObject({ attended: BURST, hours: BURST });
    expect(figures.companiesSupported).toMatchObject({ total: burstCompanies, byMunicipality: { unknown: burstCompanies } });
  };

  it('gives the same figures after the reporting service is killed with SIGKILL in the middle of a burst of 10,000 events and started again', async () => {
    expect(settled).toBeDefined();
    const reporting = system.get('reporting');
    const burst = otherPeriodBurst(BURST, burstCompanies, burstYear);
    const inboxRows = async () => (await queryDatabase<{ n: number }>(reporting.database, 'SELECT count(*)::int AS n FROM inbox'))[0].n;
    const before = await inboxRows();

    const publishing = publisher.publish(burst, { concurrency: 50 });
    // Killed once it is well into the burst: batches committed, others in flight, most not yet read.
    await eventually(async () => expect(await inboxRows()).toBeGreaterThan(before + 2_000), { timeoutMs: 120_000, intervalMs: 20 });
    expect(await system.kill('reporting', 'SIGKILL')).toBe('SIGKILL');
    expect(await inboxRows()).toBeLessThan(before + BURST);
    // Started again at once, as an orchestrator would, while the rest of the burst is still arriving.
    // A shorter ack wait than the 30 s default, so that what the killed process had read but not
    // acknowledged comes again sooner; not much shorter, or a batch slowed by the loaded machine would
    // be redelivered while it is still being applied.
    await Promise.all([publishing, system.start('reporting', { MESSAGING_ACK_WAIT_MS: '10000' })]);
    await eventually(
      async () => {
        const [{ n }] = await queryDatabase<{ n: number }>(system.get('reporting').database, 'SELECT count(*)::int AS n FROM inbox WHERE event_id = ANY($1::uuid[])', [
          burst.map((e) => e.id),
        ]);
        expect(n).toBe(BURST);
      },
      { timeoutMs: 180_000, intervalMs: 250 },
    );
    await eventually(() => streams.everyConsumerCaughtUp(), { timeoutMs: 60_000, intervalMs: 200 });
    await expectSameAnswers();
    // The burst's own year: each of its attendances once, whatever the kill left half done.
    await expectBurstYear();
  }, 300_000);

  it('gives the same figures after POST /api/reports/rebuild has replayed every stream and switched', async () => {
    expect(settled).toBeDefined();
    const { admin } = await system.tokens();
    const started = await system.call<{ id: string; state: string }>('reporting', 'POST', '/api/reports/rebuild', undefined, { token: admin, expected: [202] });
    expect(started.state).toBe('running');
    const status = await eventually(
      async () => {
        const res = await system.call<{ rebuild: { id: string; state: string; replayed: number; total: number } }>('reporting', 'GET', '/api/reports/status');
        expect(res.rebuild).toMatchObject({ id: started.id, state: 'switched' });
        return res;
      },
      { timeoutMs: 240_000, intervalMs: 250 },
    );
    // Everything in the streams was replayed: the scenario twice over, and the burst.
    const inStreams = Object.values(await streams.counts()).reduce((a, b) => a + b, 0);
    expect(status.rebuild.total).toBe(inStreams);
    expect(status.rebuild.replayed).toBeGreaterThanOrEqual(status.rebuild.total);
    await expectSameAnswers();
    await expectBurstYear();
  }, 300_000);

});

/** Attendances of `companies` companies no service knows, spread over a year's events, in publishing order. */
function otherPeriodBurst(count: number, companies: number, year: number): IntegrationEventEnvelope<unknown>[] {
  const companyIds = Array.from({ length: companies }, () => randomUUID());
  return Array.from({ length: count }, (_, i) =>
    envelope(ParticipantAttended, {
      registrationId: randomUUID(),
      eventId: randomUUID(),
      eventKind: 'competence-meeting',
      topic: 'financial',
      eventDate: `${year}-09-${String(1 + (i % 28)).padStart(2, '0')}`,
      companyId: companyIds[i % companies],
      contactId: null,
      hours: 1,
      participantGender: 'undisclosed',
      financierIds: ['region-vasterbotten'],
      attended: true,
    }),
  );
}
