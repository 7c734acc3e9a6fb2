import { AppException, NotFoundAppException } from '@globac/http';
import { HttpStatus } from '@nestjs/common';
import type { ParticipantStatus } from './participant.entity';

export enum ParticipantErrorCode {
  NotFound = 'PARTICIPANT_NOT_FOUND',
  AlreadyApplied = 'ALREADY_APPLIED',
  NotPending = 'PARTICIPANT_NOT_PENDING',
}

export class ParticipantNotFoundException extends NotFoundAppException {
  constructor(id: string) {
    super('participant', id, ParticipantErrorCode.NotFound);
  }
}

/** The company already has an application on this trip (any status but withdrawn). */
export class AlreadyAppliedException extends AppException {
  constructor(participantId: string, status: ParticipantStatus) {
    super(HttpStatus.CONFLICT, ParticipantErrorCode.AlreadyApplied, `The company has already applied for this trip (${status})`, {
      participantId,
      status,
    });
  }
}

/** Accepting or declining needs an application still waiting for a decision; withdrawing, one not declined. */
export class ParticipantNotPendingException extends AppException {
  constructor(participantId: string, status: ParticipantStatus, action: string) {
    super(HttpStatus.CONFLICT, ParticipantErrorCode.NotPending, `The participation ${participantId} is ${status}: it cannot be ${action}`, {
      participantId,
      status,
    });
  }
}
