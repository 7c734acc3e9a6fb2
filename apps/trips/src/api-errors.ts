import { type ApiErrorOptions, NotFoundDetails } from '@globac/http';
import { ApiProperty } from '@nestjs/swagger';
import { CompanyDirectoryErrorCode } from '@globac/company-directory';
import { MeetingErrorCode } from './meetings/meetings.exception';
import { PARTICIPANT_STATUSES } from './participants/participant.entity';
import { ParticipantErrorCode } from './participants/participants.exception';
import { TRIP_STATUSES } from './trips/trip.entity';
import { TripErrorCode } from './trips/trips.exception';

// The error answers of the trips service, with the `details` each code carries, for @ApiErrorResponse.

const uuid = (description?: string) => ApiProperty({ type: String, format: 'uuid', ...(description ? { description } : {}) });
const day = (description?: string) => ApiProperty({ type: String, format: 'date', ...(description ? { description } : {}) });
const tripStatus = (description?: string) => ApiProperty({ type: String, enum: TRIP_STATUSES, ...(description ? { description } : {}) });
const participantStatus = (description?: string) => ApiProperty({ type: String, enum: PARTICIPANT_STATUSES, ...(description ? { description } : {}) });

export class TripStatusDetails {
  @uuid() tripId: string;
  @tripStatus("The trip's status now") status: string;
}

export class ApplicationsClosedDetails {
  @uuid() tripId: string;
  @day('The last day applications were taken') applicationClosesOn: string;
}

export class TripStartDetails {
  @uuid() tripId: string;
  @day("The trip's first day") startsOn: string;
}

export class TripFullDetails {
  @uuid() tripId: string;
  @ApiProperty({ type: 'integer', description: 'Places for companies, all taken by accepted ones' }) capacity: number;
}

export class CapacityBelowAcceptedDetails {
  @ApiProperty({ type: 'integer', description: 'The capacity asked for' }) capacity: number;
  @ApiProperty({ type: 'integer', description: 'Companies accepted on the trip' }) accepted: number;
}

export class ParticipantStatusDetails {
  @uuid('The participation at hand') participantId: string;
  @participantStatus() status: string;
}

export class NotAnAcceptedParticipantDetails {
  @uuid() tripId: string;
  @uuid() companyId: string;
  @ApiProperty({
    type: String,
    enum: PARTICIPANT_STATUSES,
    nullable: true,
    description: "The company's participation on the trip; null when it never applied (and always for a travelled list)",
  })
  status: string | null;
}

export class UnknownPartnerDetails {
  @uuid() partnerId: string;
}

export class MeetingNotHeldYetDetails {
  @uuid() meetingId: string;
  @ApiProperty({ type: String, format: 'date-time', description: 'When the meeting is' }) heldAt: string;
}

export class TripIdDetails {
  @uuid() tripId: string;
}

export class UnknownCompanyDetails {
  @uuid() companyId: string;
}

export class CompanyMergedDetails {
  @uuid('The merged duplicate that was named') companyId: string;
  @uuid('The company it was merged into: use this one') mergedInto: string;
}

export const TRIP_NOT_FOUND: ApiErrorOptions = { status: 404, code: TripErrorCode.NotFound, description: 'no trip with this id', details: NotFoundDetails };
export const TRIP_STATUS_CONFLICT: ApiErrorOptions = {
  status: 409,
  code: TripErrorCode.WrongStatus,
  description: "the state machine has no such transition from the trip's status (details.status)",
  details: TripStatusDetails,
};
export const TRIP_NOT_EDITABLE: ApiErrorOptions = {
  status: 409,
  code: TripErrorCode.NotEditable,
  description: 'the trip is completed or cancelled (a completed one is corrected through completion-corrections)',
  details: TripStatusDetails,
};
export const TRIP_NOT_OPEN: ApiErrorOptions = {
  status: 409,
  code: TripErrorCode.NotOpen,
  description: 'the trip takes applications only while open (details.status)',
  details: TripStatusDetails,
};
export const APPLICATIONS_CLOSED: ApiErrorOptions = {
  status: 409,
  code: TripErrorCode.ApplicationsClosed,
  description: 'the last day of applications (details.applicationClosesOn) has passed',
  details: ApplicationsClosedDetails,
};
export const TRIP_ALREADY_STARTED: ApiErrorOptions = {
  status: 409,
  code: TripErrorCode.AlreadyStarted,
  description: 'the trip has started',
  details: TripStartDetails,
};
export const TRIP_NOT_STARTED: ApiErrorOptions = {
  status: 409,
  code: TripErrorCode.NotStarted,
  description: 'a trip is completed from its first day on',
  details: TripStartDetails,
};
export const TRIP_FULL: ApiErrorOptions = {
  status: 409,
  code: TripErrorCode.Full,
  description: 'every place is taken by an accepted company',
  details: TripFullDetails,
};
export const CAPACITY_BELOW_ACCEPTED: ApiErrorOptions = {
  status: 409,
  code: TripErrorCode.CapacityBelowAccepted,
  description: 'more companies are accepted than the new capacity (withdraw some first)',
  details: CapacityBelowAcceptedDetails,
};
export const PARTICIPANT_NOT_FOUND: ApiErrorOptions = {
  status: 404,
  code: ParticipantErrorCode.NotFound,
  description: 'no participation with this id on this trip',
  details: NotFoundDetails,
};
export const ALREADY_APPLIED: ApiErrorOptions = {
  status: 409,
  code: ParticipantErrorCode.AlreadyApplied,
  description: 'the company has applied for this trip already (and not withdrawn); details.participantId is that participation',
  details: ParticipantStatusDetails,
};
export const PARTICIPANT_NOT_PENDING: ApiErrorOptions = {
  status: 409,
  code: ParticipantErrorCode.NotPending,
  description: 'the participation was decided the other way (details.status)',
  details: ParticipantStatusDetails,
};
export const MEETING_NOT_FOUND: ApiErrorOptions = {
  status: 404,
  code: MeetingErrorCode.NotFound,
  description: 'no meeting with this id on this trip',
  details: NotFoundDetails,
};
export const NOT_AN_ACCEPTED_PARTICIPANT: ApiErrorOptions = {
  status: 422,
  code: MeetingErrorCode.NotAnAcceptedParticipant,
  description: 'the company is not an accepted participant of the trip',
  details: NotAnAcceptedParticipantDetails,
};
export const UNKNOWN_PARTNER: ApiErrorOptions = {
  status: 422,
  code: MeetingErrorCode.UnknownPartner,
  description: 'no partner with this id is known here: give the partner by name instead',
  details: UnknownPartnerDetails,
};
export const MEETING_NOT_HELD_YET: ApiErrorOptions = {
  status: 409,
  code: MeetingErrorCode.NotHeldYet,
  description: "the meeting's time has not come: its outcome is recorded once it was held",
  details: MeetingNotHeldYetDetails,
};
export const TRIP_CANCELLED: ApiErrorOptions = {
  status: 409,
  code: MeetingErrorCode.TripCancelled,
  description: 'the trip is cancelled: it has no meetings',
  details: TripIdDetails,
};
export const UNKNOWN_COMPANY: ApiErrorOptions = {
  status: 422,
  code: CompanyDirectoryErrorCode.UnknownCompany,
  description: 'the company is not registered in the programme (or its registration has not reached this service yet)',
  details: UnknownCompanyDetails,
};
export const COMPANY_MERGED: ApiErrorOptions = {
  status: 422,
  code: CompanyDirectoryErrorCode.CompanyMerged,
  description: 'the company was merged into another one; details.mergedInto is the company to use',
  details: CompanyMergedDetails,
};
