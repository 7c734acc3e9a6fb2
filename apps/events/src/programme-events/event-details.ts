import type { ProgrammeEventDetails } from '@globac/contracts';
import type { ProgrammeEvent } from './programme-event.entity';
import { municipalityOf } from './programme-event.rules';

/** The event as EventScheduled and EventUpdated carry it: whole, at its current revision. */
export function eventDetails(event: ProgrammeEvent): ProgrammeEventDetails {
  return {
    eventId: event.id,
    kind: event.kind,
    topic: event.topic,
    title: event.title,
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    city: event.city,
    country: event.country,
    municipality: municipalityOf(event.city, event.country),
    targetCountry: event.targetCountry,
    capacity: event.capacity,
    ringId: event.ringId,
    financierIds: [...event.financiers],
    revision: event.revision,
  };
}
