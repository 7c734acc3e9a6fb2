import { AppException, NotFoundAppException } from '@globac/http';
import { HttpStatus } from '@nestjs/common';

export enum RegistrationErrorCode {
  NotFound = 'REGISTRATION_NOT_FOUND',
  Closed = 'REGISTRATION_CLOSED',
  AlreadyRegistered = 'ALREADY_REGISTERED',
}

export class RegistrationNotFoundException extends NotFoundAppException {
  constructor(id: string) {
    super('registration', id, RegistrationErrorCode.NotFound);
  }
}

/** The event's registration deadline has passed. */
export class RegistrationClosedException extends AppException {
  constructor(eventId: string, closedAt: Date) {
    super(HttpStatus.CONFLICT, RegistrationErrorCode.Closed, `Registration for event ${eventId} closed at ${closedAt.toISOString()}`, {
      eventId,
      closedAt: closedAt.toISOString(),
    });
  }
}

/** The same person (contact, or e-mail address) already holds an active registration at this event. */
export class AlreadyRegisteredException extends AppException {
  constructor(registrationId: string, status: string) {
    super(HttpStatus.CONFLICT, RegistrationErrorCode.AlreadyRegistered, `This participant is already registered for the event (${status})`, {
      registrationId,
      status,
    });
  }
}
