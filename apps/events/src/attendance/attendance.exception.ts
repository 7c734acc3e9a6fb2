import { AppException } from '@globac/http';
import { HttpStatus } from '@nestjs/common';

export enum AttendanceErrorCode {
  NotRegistered = 'NOT_REGISTERED',
}

/** Attendance is taken for registrations holding a seat, not for waitlisted or cancelled ones. */
export class NotRegisteredException extends AppException {
  constructor(registrationId: string, status: string) {
    super(HttpStatus.CONFLICT, AttendanceErrorCode.NotRegistered, `The registration is ${status}: only registered participants attend`, {
      registrationId,
      status,
    });
  }
}
