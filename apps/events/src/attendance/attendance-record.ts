import type { AttendanceRecord } from '@globac/contracts';
import type { ProgrammeEvent } from '../programme-events/programme-event.entity';
import { calendarDateInSweden } from '../programme-events/programme-event.rules';
import type { Registration } from '../registrations/registration.entity';

/**
 * One participant's attendance as reporting receives it: the company, the event's kind, topic, day and
 * financiers, the hours and the participant's gender. Never a name or an e-mail address.
 */
export function attendanceRecord(event: ProgrammeEvent, registration: Registration): AttendanceRecord {
  return {
    registrationId: registration.id,
    eventId: event.id,
    eventKind: event.kind,
    topic: event.topic,
    eventDate: calendarDateInSweden(event.startsAt),
    companyId: registration.companyId,
    contactId: registration.contactId,
    hours: registration.hours ?? 0,
    participantGender: registration.gender,
    financierIds: [...event.financiers],
    attended: registration.attended ?? false,
  };
}
