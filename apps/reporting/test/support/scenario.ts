// A year of the programme as integration events, with the figures a person works out by hand from it:
// the cases the issue names (a company at three events, no-shows, a correction to absent, a merge after
// both attended, a move after an activity, a cancelled event, a company only on a trip, a trip
// correction removing a company, a new exporter, a relationship reaching agreement from a trip meeting).
import { randomUUID } from 'node:crypto';
import {
  AttendanceCorrected,
  CompaniesMerged,
  CompanyRegistered,
  CompanyUpdated,
  EventCancelled,
  EventScheduled,
  ExportFiguresReported,
  ExportRingMembershipChanged,
  type Gender,
  type IntegrationEventEnvelope,
  type Municipality,
  ParticipantAttended,
  PartnerMeetingHeld,
  RelationshipStageChanged,
  type SizeClass,
  TripCompleted,
  TripCompletionCorrected,
  TripPlanned,
} from '@globac/contracts';
import { envelope } from './reporting-app';

/** A valid Swedish organisation number of a legal entity (Luhn check digit), different per seed. */
export function orgNumber(seed: number): string {
  const body = `556${String(seed % 1_000_000).padStart(6, '0')}`;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(body[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  const check = (10 - (sum % 10)) % 10;
  return `${body.slice(0, 6)}-${body.slice(6)}${check}`;
}

export interface Scenario {
  /** The events in the order the producers published them. */
  events: IntegrationEventEnvelope<unknown>[];
  ids: Record<'A' | 'B' | 'C' | 'D' | 'S' | 'M' | 'X' | 'T' | 'R', string> & { trip: string; cancelledEvent: string };
  /** The indicators of 2026 worked out by hand (see each line). */
  expected2026: Record<string, unknown>;
}

export function buildScenario(): Scenario {
  let clock = Date.parse('2026-01-01T08:00:00Z');
  const events: IntegrationEventEnvelope<unknown>[] = [];
  const add = <T extends object>(contract: new () => T, data: T) => {
    clock += 60_000;
    const e = envelope(contract as never, data as never, new Date(clock)) as IntegrationEventEnvelope<T>;
    events.push(e);
    return e;
  };
  const ids = {
    A: randomUUID(),
    B: randomUUID(),
    C: randomUUID(),
    D: randomUUID(),
    S: randomUUID(),
    M: randomUUID(),
    X: randomUUID(),
    T: randomUUID(),
    R: randomUUID(),
    trip: randomUUID(),
    cancelledEvent: randomUUID(),
  };
  const company = (key: keyof typeof ids, name: string, municipality: Municipality | null, sizeClass: SizeClass | null, seed: number, county?: string) =>
    add(CompanyRegistered, {
      companyId: ids[key],
      orgNumber: orgNumber(seed),
      name,
      municipality,
      ...(county ? { county } : {}),
      sizeClass,
      sniCode: '16.100',
      registeredAt: '2025-01-01T09:00:00Z',
      revision: 1,
    });
  company('A', 'Ålands Trä AB', 'Umeå', 'small', 1);
  company('B', 'Berg Bygg AB', 'Skellefteå', 'micro', 2);
  company('C', 'Cederholm AB', 'Lycksele', 'medium', 3);
  company('D', 'Dubblett AB', 'Vännäs', 'micro', 4);
  company('S', 'Storskog AB', 'Umeå', 'small', 5);
  company('M', 'Mobil Konsult AB', 'Skellefteå', 'micro', 6);
  company('X', 'Xylem Robertsfors AB', 'Robertsfors', 'small', 7);
  company('T', 'Trafik Stockholm AB', null, 'large', 8, 'Stockholms län');
  company('R', 'Renskötsel Bjurholm AB', 'Bjurholm', 'micro', 9);

  const programmeEvent = (kind: 'seminar' | 'competence-meeting', day: string, financierIds: string[], eventId = randomUUID()) => {
    add(EventScheduled, {
      eventId,
      kind,
      topic: 'market-entry',
      title: `${kind} ${day}`,
      startsAt: `${day}T08:00:00Z`,
      endsAt: `${day}T11:00:00Z`,
      city: 'Umeå',
      country: 'SE',
      municipality: 'Umeå',
      targetCountry: 'PL',
      capacity: null,
      ringId: null,
      financierIds,
      revision: 1,
    });
    return { eventId, kind, day, financierIds };
  };
  const e1 = programmeEvent('seminar', '2026-02-10', ['eu', 'region-vasterbotten']);
  const e2 = programmeEvent('competence-meeting', '2026-03-05', ['eu']);
  const e3 = programmeEvent('seminar', '2026-04-01', ['region-vasterbotten']);
  const e4 = programmeEvent('seminar', '2026-04-20', ['eu'], ids.cancelledEvent);

  const attend = (event: ReturnType<typeof programmeEvent>, key: keyof typeof ids, attended: boolean, hours: number, gender: Gender) => {
    const data = {
      registrationId: randomUUID(),
      eventId: event.eventId,
      eventKind: event.kind,
      topic: 'market-entry' as const,
      eventDate: event.day,
      companyId: ids[key],
      contactId: null,
      hours: attended ? hours : 0,
      participantGender: gender,
      financierIds: event.financierIds,
      attended,
    };
    return add(ParticipantAttended, data);
  };
  attend(e1, 'A', true, 2, 'woman');
  attend(e2, 'A', true, 2, 'woman');
  attend(e3, 'A', true, 2, 'woman');
  attend(e1, 'B', false, 0, 'man'); // a no-show
  const cWrong = attend(e2, 'C', true, 3, 'man');
  // Corrected to absent: C no longer counts.
  add(AttendanceCorrected, { ...cWrong.data, hours: 0, attended: false, correctsEventId: cWrong.id });
  attend(e1, 'S', true, 3, 'man');
  attend(e1, 'D', true, 2, 'woman');
  attend(e3, 'M', true, 1.5, 'non-binary');
  attend(e4, 'X', true, 2, 'woman');
  add(EventCancelled, { eventId: e4.eventId, affectedRegistrationIds: [], affectedCompanyIds: [ids.X], cancelledAt: '2026-04-21T10:00:00Z' });

  // M moves to Umeå after its activity of 1 April: it still counts in Skellefteå.
  add(CompanyUpdated, { companyId: ids.M, changes: { municipality: 'Umeå' }, effectiveFrom: '2026-05-01T00:00:00+02:00', revision: 2 });

  // D's relationship reached agreement, then the merge ended it (not a real end, but not counted either).
  const dRelationship = randomUUID();
  add(RelationshipStageChanged, {
    relationshipId: dRelationship,
    companyId: ids.D,
    partnerId: randomUUID(),
    partnerCountry: 'IT',
    targetRegion: 'novara',
    fromStage: 'negotiation',
    toStage: 'agreement',
    changedAt: '2026-03-01T10:00:00Z',
    cause: 'manual',
    causeId: null,
  });
  // Export figures: A did not export in its baseline year 2025 and does in 2026 (a new exporter); S
  // exported in both; D reported 2025 too, but the survivor's figures stand for a year both reported.
  const figures = (key: keyof typeof ids, year: number, exportTurnoverSek: number, revision = 1) =>
    add(ExportFiguresReported, {
      companyId: ids[key],
      year,
      totalTurnoverSek: 10_000_000,
      exportTurnoverSek,
      exportMarkets: exportTurnoverSek ? ['PL'] : [],
      revision,
      reportedAt: new Date(clock).toISOString(),
    });
  figures('A', 2025, 0);
  figures('A', 2026, 400_000);
  figures('A', 2026, 500_000, 2); // a correction: the higher revision stands
  figures('S', 2025, 100_000);
  figures('S', 2026, 200_000);
  figures('D', 2025, 50_000);
  add(RelationshipStageChanged, {
    relationshipId: dRelationship,
    companyId: ids.D,
    partnerId: randomUUID(),
    partnerCountry: 'IT',
    targetRegion: 'novara',
    fromStage: 'agreement',
    toStage: 'ended',
    changedAt: '2026-05-10T10:00:00Z',
    cause: 'merge',
    causeId: ids.S,
  });
  add(CompaniesMerged, { survivingCompanyId: ids.S, mergedCompanyId: ids.D, mergedAt: '2026-05-10T10:00:00Z' });

  // The trip: T and R travelled, then a correction removed R; T met a partner and reached agreement.
  const itinerary = {
    tripId: ids.trip,
    destinationCountries: ['PL'],
    targetRegions: ['poznan'],
    startsOn: '2026-06-10',
    endsOn: '2026-06-14',
    financierIds: ['eu'],
  };
  add(TripPlanned, { ...itinerary, title: 'Delegation to Poznań' });
  const meetingId = randomUUID();
  add(PartnerMeetingHeld, {
    meetingId,
    tripId: ids.trip,
    companyId: ids.T,
    partnerId: randomUUID(),
    partnerName: null,
    partnerCountry: 'PL',
    heldAt: '2026-06-12T09:00:00Z',
    outcome: 'agreement',
    followUpOn: '2026-09-01',
  });
  add(RelationshipStageChanged, {
    relationshipId: randomUUID(),
    companyId: ids.T,
    partnerId: randomUUID(),
    partnerCountry: 'PL',
    targetRegion: 'poznan',
    fromStage: 'meeting',
    toStage: 'agreement',
    changedAt: '2026-06-12T10:00:00Z',
    cause: 'partner-meeting',
    causeId: meetingId,
  });
  const completed = add(TripCompleted, {
    ...itinerary,
    travellingCompanies: [
      { companyId: ids.T, daysAbroad: 5, subsidySek: 15_000 },
      { companyId: ids.R, daysAbroad: 5, subsidySek: 12_000 },
    ],
    completedAt: '2026-06-15T10:00:00Z',
  });
  add(TripCompletionCorrected, {
    ...itinerary,
    travellingCompanies: [{ companyId: ids.T, daysAbroad: 5, subsidySek: 16_000 }],
    completedAt: '2026-06-16T10:00:00Z',
    correctsEventId: completed.id,
  });

  // Export rings: A is a member in 2026; B only in 2025.
  const ring = randomUUID();
  const membership = (key: keyof typeof ids, change: 'joined' | 'left', day: string, membershipId: string) =>
    add(ExportRingMembershipChanged, { membershipId, ringId: ring, ringKind: 'export-ring', companyId: ids[key], change, effectiveOn: day });
  membership('A', 'joined', '2026-01-15', randomUUID());
  const bMembership = randomUUID();
  membership('B', 'joined', '2025-01-01', bMembership);
  membership('B', 'left', '2025-12-31', bMembership);

  return {
    events,
    ids,
    expected2026: {
      companiesSupported: {
        // A (three events, once), S (with its merged duplicate D, once), M, T (only the trip).
        total: 4,
        bySizeClass: { small: 2, micro: 1, large: 1 },
        byActivityKind: { seminar: 3, 'competence-meeting': 1, trip: 1 },
        // M counts where it was on 1 April; D's activity counts for S, in S's municipality.
        byMunicipality: { Umeå: 2, Skellefteå: 1, 'outside-county': 1 },
        byFinancier: { eu: 3, 'region-vasterbotten': 3 },
      },
      // A 3 × 2 h, S 3 h, D 2 h, M 1.5 h; not B (no-show), C (corrected), X (cancelled event).
      participations: { attended: 6, byGender: { woman: 4, man: 1, 'non-binary': 1 }, hours: 12.5 },
      trips: { completed: 1, travellingCompanies: 1, subsidySek: 16_000 },
      exporters: { exportingLatest: 2, exportingBaseline: 1, newExporters: 1, exportTurnoverSek: { baseline: 100_000, latest: 700_000 } },
      relationships: { reached: 1, byPartnerCountry: { PL: 1 }, byTargetRegion: { poznan: 1 } },
      partnerMeetings: { held: 1, byOutcome: { agreement: 1 } },
      exportRings: { companies: 1 },
    },
  };
}
