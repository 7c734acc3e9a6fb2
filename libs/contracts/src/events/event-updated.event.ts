import { IntegrationEvent } from '../integration-event.decorator';
import { ProgrammeEventDetails } from './programme-event-details';

@IntegrationEvent({
  producer: 'events',
  aggregate: 'event',
  event: 'updated',
  version: 1,
  description:
    'A programme event\'s details changed (title, topic, dates, place, capacity, financiers). Carries all details, ' +
    'not only the changed ones; apply it only if its revision is higher than the one held. Attendance already ' +
    'reported for the event is re-reported with AttendanceCorrected when a fact it carries (topic, date, financiers) changes.',
})
export class EventUpdated extends ProgrammeEventDetails {}
