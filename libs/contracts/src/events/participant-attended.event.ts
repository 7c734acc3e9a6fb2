import { IntegrationEvent } from '../integration-event.decorator';
import { AttendanceRecord } from './attendance-record';

@IntegrationEvent({
  producer: 'events',
  aggregate: 'participant',
  event: 'attended',
  version: 1,
  description:
    'Attendance was taken for a registration (attended true, or false for a no-show). The headline indicator counts ' +
    'unique companies with attended participation.',
})
export class ParticipantAttended extends AttendanceRecord {}
