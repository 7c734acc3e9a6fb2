import { AppException } from '@globac/http';
import { HttpStatus } from '@nestjs/common';

export enum ExhibitorErrorCode {
  NotATradeFair = 'NOT_A_TRADE_FAIR',
  AlreadyExhibiting = 'ALREADY_EXHIBITING',
}

export class NotATradeFairException extends AppException {
  constructor(eventId: string, kind: string) {
    super(HttpStatus.UNPROCESSABLE_ENTITY, ExhibitorErrorCode.NotATradeFair, `Exhibitors are for trade fairs; event ${eventId} is a ${kind}`, { eventId, kind });
  }
}

export class AlreadyExhibitingException extends AppException {
  constructor(exhibitorId: string) {
    super(HttpStatus.CONFLICT, ExhibitorErrorCode.AlreadyExhibiting, 'The company already exhibits at this trade fair', { exhibitorId });
  }
}
