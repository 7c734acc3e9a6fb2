import { AppException } from '@globac/http';
import { HttpStatus } from '@nestjs/common';

export class DeadLetterNotFoundException extends AppException {
  constructor(sequence: number) {
    super(HttpStatus.NOT_FOUND, 'DEAD_LETTER_NOT_FOUND', `No dead letter of this service at sequence ${sequence}`, { sequence });
  }
}

/** The replayed message failed again; it stays in the dead letters. */
export class DeadLetterReplayFailedException extends AppException {
  constructor(sequence: number, reason: string, error: string) {
    super(HttpStatus.CONFLICT, 'DEAD_LETTER_REPLAY_FAILED', `The dead letter at sequence ${sequence} failed again: ${error}`, { sequence, reason, error });
  }
}

export class MessagingUnavailableException extends AppException {
  constructor() {
    super(HttpStatus.SERVICE_UNAVAILABLE, 'NATS_UNAVAILABLE', 'NATS is not reachable right now; try again when it is back');
  }
}

export class DeadLetterReplayNotFoundException extends AppException {
  constructor(id: string) {
    super(HttpStatus.NOT_FOUND, 'DEAD_LETTER_REPLAY_NOT_FOUND', `No replay ${id} of this service's dead letters`, { id });
  }
}

/** One replay of all dead letters runs at a time per service; `details.replayId` is the running one. */
export class DeadLetterReplayRunningException extends AppException {
  constructor(replayId: string | undefined) {
    super(HttpStatus.CONFLICT, 'DEAD_LETTER_REPLAY_RUNNING', 'A replay of all dead letters is running already; follow its progress', { replayId });
  }
}
