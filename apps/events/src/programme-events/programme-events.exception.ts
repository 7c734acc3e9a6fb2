import { AppException, NotFoundAppException } from '@globac/http';
import { HttpStatus } from '@nestjs/common';

export enum ProgrammeEventErrorCode {
  NotFound = 'EVENT_NOT_FOUND',
  Cancelled = 'EVENT_CANCELLED',
  AlreadyStarted = 'EVENT_ALREADY_STARTED',
  NotStarted = 'EVENT_NOT_STARTED',
  CapacityBelowRegistered = 'CAPACITY_BELOW_REGISTERED',
  AttendanceRecorded = 'ATTENDANCE_RECORDED',
}

export class ProgrammeEventNotFoundException extends NotFoundAppException {
  constructor(id: string) {
    super('programme event', id, ProgrammeEventErrorCode.NotFound);
  }
}

export class EventCancelledException extends AppException {
  constructor(eventId: string, cancelledAt: Date | null) {
    super(HttpStatus.CONFLICT, ProgrammeEventErrorCode.Cancelled, `The event ${eventId} is cancelled`, {
      eventId,
      cancelledAt: cancelledAt?.toISOString() ?? null,
    });
  }
}

export class EventAlreadyStartedException extends AppException {
  constructor(eventId: string, startsAt: Date, what: string) {
    super(HttpStatus.CONFLICT, ProgrammeEventErrorCode.AlreadyStarted, `The event ${eventId} started at ${startsAt.toISOString()}: ${what}`, {
      eventId,
      startsAt: startsAt.toISOString(),
    });
  }
}

export class EventNotStartedException extends AppException {
  constructor(eventId: string, startsAt: Date) {
    super(
      HttpStatus.CONFLICT,
      ProgrammeEventErrorCode.NotStarted,
      `Attendance can be taken once the event has started (at ${startsAt.toISOString()})`,
      { eventId, startsAt: startsAt.toISOString() },
    );
  }
}

export class CapacityBelowRegisteredException extends AppException {
  constructor(capacity: number, registered: number) {
    super(
      HttpStatus.CONFLICT,
      ProgrammeEventErrorCode.CapacityBelowRegistered,
      `The capacity cannot be ${capacity}: ${registered} participants hold seats (cancel registrations first)`,
      { capacity, registered },
    );
  }
}

export class AttendanceRecordedException extends AppException {
  constructor(eventId: string) {
    super(
      HttpStatus.CONFLICT,
      ProgrammeEventErrorCode.AttendanceRecorded,
      `Attendance has been taken for event ${eventId}: it cannot be moved to start in the future`,
      { eventId },
    );
  }
}
