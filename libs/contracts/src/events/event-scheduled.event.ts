import { IntegrationEvent } from '../integration-event.decorator';
import { ProgrammeEventDetails } from './programme-event-details';

@IntegrationEvent({
  producer: 'events',
  aggregate: 'event',
  event: 'scheduled',
  version: 1,
  description:
    'A programme event (seminar, competence meeting, country briefing, trade fair, export ring or circle meeting) was ' +
    'scheduled. Revision 1 of the event\'s details.',
})
export class EventScheduled extends ProgrammeEventDetails {}
