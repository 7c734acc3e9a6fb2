import { IsUUID } from 'class-validator';
import { Description } from '../field.decorators';
import { IntegrationEvent } from '../integration-event.decorator';
import { AttendanceRecord } from './attendance-record';

@IntegrationEvent({
  producer: 'events',
  aggregate: 'participant',
  event: 'attendance-corrected',
  version: 1,
  description:
    'An attendance record was wrong and is replaced as a whole by this one. History is never edited: the correction ' +
    'says which event it corrects.',
})
export class AttendanceCorrected extends AttendanceRecord {
  @Description('The id of the ParticipantAttended (or earlier AttendanceCorrected) event this replaces.')
  @IsUUID()
  readonly correctsEventId: string;
}
