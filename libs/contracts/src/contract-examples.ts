import { type EventClass, contractOf } from './event-registry';
import { CompaniesMerged, CompanyRegistered, CompanyUpdated, ContactErased, ExportFiguresReported, RelationshipStageChanged } from './companies';
import {
  AttendanceCorrected,
  EventCancelled,
  EventScheduled,
  EventUpdated,
  ExhibitorAdded,
  ExportRingMembershipChanged,
  ParticipantAttended,
  ParticipantCancelled,
  ParticipantPromoted,
  ParticipantRegistered,
} from './events';
import {
  PartnerMeetingHeld,
  TripCancelled,
  TripCompleted,
  TripCompletionCorrected,
  TripParticipantAccepted,
  TripParticipantWithdrawn,
  TripPlanned,
} from './trips';

const company = '3f0c2a52-8d3e-4b0e-9d55-1f1d2b7c9a01';
const otherCompany = '7b6d1e90-2c4f-4f7a-8a1b-5e3d9c0f2b12';
const event = 'c1a9e3f4-5b6d-4e7f-8a9b-0c1d2e3f4a5b';
const registration = 'd2b0f4a5-6c7e-4f80-9b0c-1d2e3f4a5b6c';
const trip = 'e3c1a5b6-7d8f-4091-8c1d-2e3f4a5b6c7d';
const meeting = 'f4d2b6c7-8e9a-41a2-9d2e-3f4a5b6c7d8e';
const partner = 'a5e3c7d8-9fab-42b3-8e3f-4a5b6c7d8e9f';
const earlierEvent = 'b6f4d8e9-a0bc-43c4-9f4a-5b6c7d8e9fa0';
const contact = 'd8b6fa0b-c2de-45e6-9b6c-7d8e9fa0b1c2';
const waitlisted = 'a1c3e5f7-0b2d-4f6a-8c1e-3a5c7e9b1d2f';

const attendance = {
  registrationId: registration,
  eventId: event,
  eventKind: 'seminar' as const,
  topic: 'transport-logistics' as const,
  eventDate: '2026-03-12',
  companyId: company,
  contactId: contact,
  hours: 3.5,
  participantGender: 'woman' as const,
  financierIds: ['eu', 'region-vasterbotten'],
  attended: true,
};

const completion = {
  tripId: trip,
  destinationCountries: ['PL'],
  targetRegions: ['poznan'],
  startsOn: '2026-05-04',
  endsOn: '2026-05-07',
  travellingCompanies: [
    { companyId: company, daysAbroad: 4, subsidySek: 8000 },
    { companyId: otherCompany, daysAbroad: 3, subsidySek: 6000 },
  ],
  financierIds: ['eu', 'region-vasterbotten', 'skelleftea-kommun'],
  completedAt: '2026-05-08T10:00:00.000Z',
};

const examples: [EventClass, object][] = [
  [
    CompanyRegistered,
    {
      companyId: company,
      orgNumber: '556036-0793',
      name: 'Norrskog Trä AB',
      municipality: 'Skellefteå',
      sizeClass: 'small',
      sniCode: '16.100',
      registeredAt: '2026-02-02T08:15:00.000Z',
      revision: 1,
    } satisfies CompanyRegistered,
  ],
  [
    CompanyUpdated,
    { companyId: company, changes: { municipality: 'Umeå' }, effectiveFrom: '2026-04-01T00:00:00.000Z', revision: 2 } satisfies CompanyUpdated,
  ],
  [CompaniesMerged, { survivingCompanyId: company, mergedCompanyId: otherCompany, mergedAt: '2026-06-01T12:00:00.000Z' } satisfies CompaniesMerged],
  [
    ExportFiguresReported,
    {
      companyId: company,
      year: 2025,
      totalTurnoverSek: 42_000_000,
      exportTurnoverSek: 9_500_000,
      exportMarkets: ['NO', 'PL', 'IT'],
      revision: 1,
      reportedAt: '2026-03-30T14:00:00.000Z',
    } satisfies ExportFiguresReported,
  ],
  [
    RelationshipStageChanged,
    {
      relationshipId: 'c7a5e9fa-b1cd-44d5-8a5b-6c7d8e9fa0b1',
      companyId: company,
      partnerId: partner,
      partnerCountry: 'PL',
      targetRegion: 'poznan',
      fromStage: 'contacted',
      toStage: 'meeting',
      changedAt: '2026-05-05T11:00:00.000Z',
      cause: 'partner-meeting',
      causeId: meeting,
    } satisfies RelationshipStageChanged,
  ],
  [ContactErased, { contactId: 'd8b6fa0b-c2de-45e6-9b6c-7d8e9fa0b1c2' } satisfies ContactErased],
  [
    EventScheduled,
    {
      eventId: event,
      kind: 'seminar',
      topic: 'transport-logistics',
      title: 'Transport and logistics to Poland',
      startsAt: '2026-03-12T08:30:00.000Z',
      endsAt: '2026-03-12T12:00:00.000Z',
      city: 'Umeå',
      country: 'SE',
      municipality: 'Umeå',
      targetCountry: 'PL',
      capacity: 40,
      ringId: null,
      financierIds: ['eu', 'region-vasterbotten'],
      revision: 1,
    } satisfies EventScheduled,
  ],
  [
    EventUpdated,
    {
      eventId: event,
      kind: 'seminar',
      topic: 'transport-logistics',
      title: 'Transport and logistics to Poland',
      startsAt: '2026-03-12T09:00:00.000Z',
      endsAt: '2026-03-12T12:30:00.000Z',
      city: 'Umeå',
      country: 'SE',
      municipality: 'Umeå',
      targetCountry: 'PL',
      capacity: 50,
      ringId: null,
      financierIds: ['eu', 'region-vasterbotten'],
      revision: 2,
    } satisfies EventUpdated,
  ],
  [
    EventCancelled,
    {
      eventId: event,
      affectedRegistrationIds: [registration],
      affectedCompanyIds: [company],
      cancelledAt: '2026-03-01T09:00:00.000Z',
    } satisfies EventCancelled,
  ],
  [
    ParticipantRegistered,
    {
      registrationId: registration,
      eventId: event,
      companyId: company,
      contactId: contact,
      participantGender: 'woman',
      waitlisted: false,
      registeredAt: '2026-02-20T10:00:00.000Z',
    } satisfies ParticipantRegistered,
  ],
  [
    ParticipantCancelled,
    {
      registrationId: registration,
      eventId: event,
      companyId: company,
      wasWaitlisted: false,
      cancelledAt: '2026-03-10T07:00:00.000Z',
    } satisfies ParticipantCancelled,
  ],
  [
    ParticipantPromoted,
    {
      registrationId: waitlisted,
      eventId: event,
      companyId: otherCompany,
      replacesRegistrationId: registration,
      promotedAt: '2026-03-10T07:00:00.000Z',
    } satisfies ParticipantPromoted,
  ],
  [ParticipantAttended, attendance satisfies ParticipantAttended],
  [AttendanceCorrected, { ...attendance, hours: 2, correctsEventId: earlierEvent } satisfies AttendanceCorrected],
  [
    ExportRingMembershipChanged,
    {
      membershipId: 'c2d4f6a8-1b3c-4d5e-9f7a-2b4c6d8e0f1a',
      ringId: 'e9c7a0b1-d3ef-46f7-8c7d-8e9fa0b1c2d3',
      ringKind: 'export-ring',
      companyId: company,
      change: 'joined',
      effectiveOn: '2026-01-15',
    } satisfies ExportRingMembershipChanged,
  ],
  [
    ExhibitorAdded,
    {
      exhibitorId: 'b3d5f7a9-2c4e-4a6b-8d0f-1e3a5c7e9b2d',
      eventId: event,
      companyId: company,
      products: ['Västerbottensost', 'Cloudberry jam'],
      stand: 'Hall 4, B12',
      addedAt: '2026-02-10T09:00:00.000Z',
    } satisfies ExhibitorAdded,
  ],
  [
    TripPlanned,
    {
      tripId: trip,
      title: 'Delegation to Poznań',
      destinationCountries: ['PL'],
      targetRegions: ['poznan'],
      startsOn: '2026-05-04',
      endsOn: '2026-05-07',
      financierIds: ['eu', 'region-vasterbotten'],
    } satisfies TripPlanned,
  ],
  [TripCancelled, { tripId: trip, cancelledAt: '2026-04-01T08:00:00.000Z' } satisfies TripCancelled],
  [
    TripParticipantAccepted,
    { participationId: 'fa0b1c2d-e4f5-47a8-9d8e-9fa0b1c2d3e4', tripId: trip, companyId: company, acceptedAt: '2026-03-20T13:00:00.000Z' } satisfies TripParticipantAccepted,
  ],
  [
    TripParticipantWithdrawn,
    { participationId: 'fa0b1c2d-e4f5-47a8-9d8e-9fa0b1c2d3e4', tripId: trip, companyId: company, withdrawnAt: '2026-04-02T13:00:00.000Z' } satisfies TripParticipantWithdrawn,
  ],
  [
    PartnerMeetingHeld,
    {
      meetingId: meeting,
      tripId: trip,
      companyId: company,
      partnerId: null,
      partnerName: 'Wielkopolska Food Import Sp. z o.o.',
      partnerCountry: 'PL',
      heldAt: '2026-05-05T10:00:00.000Z',
      outcome: 'follow-up',
      followUpOn: '2026-06-15',
      partnerTargetRegion: 'poznan',
      revision: 1,
    } satisfies PartnerMeetingHeld,
  ],
  [TripCompleted, completion satisfies TripCompleted],
  [TripCompletionCorrected, { ...completion, correctsEventId: earlierEvent } satisfies TripCompletionCorrected],
];

/** A valid `data` for every contract, keyed by `<type>@<version>`: for the AsyncAPI document and for tests. */
export const CONTRACT_EXAMPLES: ReadonlyMap<string, object> = new Map(
  examples.map(([target, data]) => {
    const { type, version } = contractOf(target);
    return [`${type}@${version}`, data];
  }),
);
