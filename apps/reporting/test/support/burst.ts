// Many more facts than the scenario, for tests of replicas, crashes and replays: attendances of
// companies not registered here (municipality "unknown") and trips completed and then corrected.
import { randomUUID } from 'node:crypto';
import { type IntegrationEventEnvelope, ParticipantAttended, TripCompleted, TripCompletionCorrected } from '@globac/contracts';
import { envelope } from './reporting-app';

export interface Burst {
  events: IntegrationEventEnvelope<unknown>[];
  /** The completion facts (one trip report each). */
  triggers: number;
  attended: number;
  /** Distinct companies the burst adds to companiesSupported in 2026. */
  companies: number;
}

export function buildBurst(options: { attendances: number; companies: number; trips: number }): Burst {
  const companies = Array.from({ length: options.companies }, () => randomUUID());
  const events: IntegrationEventEnvelope<unknown>[] = [];
  for (let i = 0; i < options.attendances; i++) {
    events.push(
      envelope(ParticipantAttended, {
        registrationId: randomUUID(),
        eventId: randomUUID(),
        eventKind: 'competence-meeting',
        topic: 'financial',
        eventDate: `2026-09-${String(1 + (i % 28)).padStart(2, '0')}`,
        companyId: companies[i % companies.length],
        contactId: null,
        hours: 1,
        participantGender: 'undisclosed',
        financierIds: ['region-vasterbotten'],
        attended: true,
      }),
    );
  }
  for (let i = 0; i < options.trips; i++) {
    const itinerary = { tripId: randomUUID(), destinationCountries: ['IT'], targetRegions: ['novara'], startsOn: '2026-10-05', endsOn: '2026-10-08', financierIds: ['eu'] };
    const completed = envelope(TripCompleted, {
      ...itinerary,
      travellingCompanies: [{ companyId: randomUUID(), daysAbroad: 4, subsidySek: 1000 }],
      completedAt: '2026-10-09T10:00:00Z',
    });
    // The correction replaces the traveller: only its company counts.
    const corrected = envelope(TripCompletionCorrected, {
      ...itinerary,
      travellingCompanies: [{ companyId: randomUUID(), daysAbroad: 4, subsidySek: 2000 }],
      completedAt: '2026-10-10T10:00:00Z',
      correctsEventId: completed.id,
    });
    events.push(completed, corrected);
  }
  return { events, triggers: options.trips * 2, attended: options.attendances, companies: options.companies + options.trips };
}
