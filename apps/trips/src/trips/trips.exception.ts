import { AppException, NotFoundAppException } from '@globac/http';
import { HttpStatus } from '@nestjs/common';
import type { TripStatus } from './trip.entity';

export enum TripErrorCode {
  NotFound = 'TRIP_NOT_FOUND',
  WrongStatus = 'TRIP_STATUS_CONFLICT',
  NotEditable = 'TRIP_NOT_EDITABLE',
  NotOpen = 'TRIP_NOT_OPEN',
  ApplicationsClosed = 'APPLICATIONS_CLOSED',
  AlreadyStarted = 'TRIP_ALREADY_STARTED',
  NotStarted = 'TRIP_NOT_STARTED',
  Full = 'TRIP_FULL',
  CapacityBelowAccepted = 'CAPACITY_BELOW_ACCEPTED',
}

export class TripNotFoundException extends NotFoundAppException {
  constructor(id: string) {
    super('trip', id, TripErrorCode.NotFound);
  }
}

/** A transition the state machine does not have from the trip's status (e.g. completing a cancelled trip). */
export class TripStatusConflictException extends AppException {
  constructor(tripId: string, status: TripStatus, action: string) {
    super(HttpStatus.CONFLICT, TripErrorCode.WrongStatus, `Trip ${tripId} is ${status}: it cannot ${action}`, { tripId, status });
  }
}

/** A completed or cancelled trip keeps its details (a completed one is corrected through completion-corrections). */
export class TripNotEditableException extends AppException {
  constructor(tripId: string, status: TripStatus) {
    super(HttpStatus.CONFLICT, TripErrorCode.NotEditable, `Trip ${tripId} is ${status}: its details can no longer be changed`, { tripId, status });
  }
}

export class TripNotOpenException extends AppException {
  constructor(tripId: string, status: TripStatus) {
    super(HttpStatus.CONFLICT, TripErrorCode.NotOpen, `Trip ${tripId} is ${status}: it takes applications only while open`, { tripId, status });
  }
}

export class ApplicationsClosedException extends AppException {
  constructor(tripId: string, closedOn: string) {
    super(HttpStatus.CONFLICT, TripErrorCode.ApplicationsClosed, `Applications for trip ${tripId} closed after ${closedOn}`, { tripId, applicationClosesOn: closedOn });
  }
}

export class TripAlreadyStartedException extends AppException {
  constructor(tripId: string, startsOn: string, what: string) {
    super(HttpStatus.CONFLICT, TripErrorCode.AlreadyStarted, `Trip ${tripId} started on ${startsOn}: ${what}`, { tripId, startsOn });
  }
}

export class TripNotStartedException extends AppException {
  constructor(tripId: string, startsOn: string) {
    super(HttpStatus.CONFLICT, TripErrorCode.NotStarted, `Trip ${tripId} starts on ${startsOn}: it can be completed from its first day on`, { tripId, startsOn });
  }
}

export class TripFullException extends AppException {
  constructor(tripId: string, capacity: number) {
    super(HttpStatus.CONFLICT, TripErrorCode.Full, `All ${capacity} places of trip ${tripId} are taken by accepted companies`, { tripId, capacity });
  }
}

export class CapacityBelowAcceptedException extends AppException {
  constructor(capacity: number, accepted: number) {
    super(
      HttpStatus.CONFLICT,
      TripErrorCode.CapacityBelowAccepted,
      `The capacity cannot be ${capacity}: ${accepted} companies are accepted (withdraw some first)`,
      { capacity, accepted },
    );
  }
}
