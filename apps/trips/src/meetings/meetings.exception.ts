import { AppException, NotFoundAppException } from '@globac/http';
import { HttpStatus } from '@nestjs/common';

export enum MeetingErrorCode {
  NotFound = 'MEETING_NOT_FOUND',
  NotAnAcceptedParticipant = 'NOT_AN_ACCEPTED_PARTICIPANT',
  UnknownPartner = 'UNKNOWN_PARTNER',
  NotHeldYet = 'MEETING_NOT_HELD_YET',
  TripCancelled = 'TRIP_CANCELLED',
}

export class MeetingNotFoundException extends NotFoundAppException {
  constructor(id: string) {
    super('meeting', id, MeetingErrorCode.NotFound);
  }
}

/** Meetings (and completion) are for companies staff accepted on the trip, not merely applied. */
export class NotAnAcceptedParticipantException extends AppException {
  constructor(tripId: string, companyId: string, status: string | null) {
    super(
      HttpStatus.UNPROCESSABLE_ENTITY,
      MeetingErrorCode.NotAnAcceptedParticipant,
      `Company ${companyId} is not an accepted participant of trip ${tripId}${status ? ` (its participation is ${status})` : ''}`,
      { tripId, companyId, status },
    );
  }
}

/** A partner id this service has not heard of from the companies service. */
export class UnknownPartnerException extends AppException {
  constructor(partnerId: string) {
    super(
      HttpStatus.UNPROCESSABLE_ENTITY,
      MeetingErrorCode.UnknownPartner,
      `No partner with id ${partnerId} is known here: give the partner by name ({ name, countryCode, targetRegion? }) and the companies service registers it`,
      { partnerId },
    );
  }
}

export class MeetingNotHeldYetException extends AppException {
  constructor(meetingId: string, heldAt: Date) {
    super(HttpStatus.CONFLICT, MeetingErrorCode.NotHeldYet, `Meeting ${meetingId} is at ${heldAt.toISOString()}: its outcome can be recorded once it was held`, {
      meetingId,
      heldAt: heldAt.toISOString(),
    });
  }
}

export class TripCancelledException extends AppException {
  constructor(tripId: string) {
    super(HttpStatus.CONFLICT, MeetingErrorCode.TripCancelled, `Trip ${tripId} is cancelled: it has no meetings`, { tripId });
  }
}
