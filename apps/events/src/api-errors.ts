import { type ApiErrorOptions, NotFoundDetails } from '@globac/http';
import { ApiProperty } from '@nestjs/swagger';
import { AttendanceErrorCode } from './attendance/attendance.exception';
import { CompanyDirectoryErrorCode } from '@globac/company-directory';
import { ExhibitorErrorCode } from './exhibitors/exhibitors.exception';
import { ExportRingErrorCode } from './export-rings/export-rings.exception';
import { ProgrammeEventErrorCode } from './programme-events/programme-events.exception';
import { RegistrationErrorCode } from './registrations/registrations.exception';

// The error answers of the events service, with the `details` each code carries, for @ApiErrorResponse.

const uuid = (description?: string) => ApiProperty({ type: String, format: 'uuid', ...(description ? { description } : {}) });
const instant = (description?: string) => ApiProperty({ type: String, format: 'date-time', ...(description ? { description } : {}) });
const day = (description?: string, nullable = false) => ApiProperty({ type: String, format: 'date', nullable, ...(description ? { description } : {}) });

export class EventCancelledDetails {
  @uuid() eventId: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When it was cancelled' })
  cancelledAt: string | null;
}

export class EventStartDetails {
  @uuid() eventId: string;
  @instant('When the event starts (started)') startsAt: string;
}

export class CapacityBelowRegisteredDetails {
  @ApiProperty({ type: 'integer', description: 'The capacity asked for' }) capacity: number;
  @ApiProperty({ type: 'integer', description: 'Participants holding seats' }) registered: number;
}

export class EventIdDetails {
  @uuid() eventId: string;
}

export class RegistrationClosedDetails {
  @uuid() eventId: string;
  @instant('When registration closed') closedAt: string;
}

export class RegistrationStatusDetails {
  @uuid('The registration at hand') registrationId: string;
  @ApiProperty({ type: String, enum: ['registered', 'waitlisted', 'cancelled'] }) status: string;
}

export class UnknownCompanyDetails {
  @uuid() companyId: string;
}

export class CompanyMergedDetails {
  @uuid('The merged duplicate that was named') companyId: string;
  @uuid('The company it was merged into: use this one') mergedInto: string;
}

export class NotATradeFairDetails {
  @uuid() eventId: string;
  @ApiProperty({ type: String, example: 'seminar', description: 'The kind of the event' }) kind: string;
}

export class AlreadyExhibitingDetails {
  @uuid('The existing exhibitor') exhibitorId: string;
}

export class UnknownRingDetails {
  @uuid() ringId: string;
}

export class RingKindMismatchDetails {
  @uuid() ringId: string;
  @ApiProperty({ type: String, enum: ['export-ring', 'export-circle'] }) ringKind: string;
  @ApiProperty({ type: String, example: 'export-circle-meeting' }) eventKind: string;
}

export class AlreadyMemberDetails {
  @uuid('The overlapping membership') membershipId: string;
  @day() joinedOn: string;
  @day('Null while the membership lasts', true) leftOn: string | null;
}

export class MembershipEndedDetails {
  @uuid() membershipId: string;
  @day() leftOn: string;
}

export class LeavesBeforeJoiningDetails {
  @day() joinedOn: string;
  @day() leftOn: string;
}

export const EVENT_NOT_FOUND: ApiErrorOptions = { status: 404, code: ProgrammeEventErrorCode.NotFound, description: 'no programme event with this id', details: NotFoundDetails };
export const EVENT_CANCELLED: ApiErrorOptions = { status: 409, code: ProgrammeEventErrorCode.Cancelled, description: 'the event is cancelled', details: EventCancelledDetails };
export const EVENT_ALREADY_STARTED: ApiErrorOptions = {
  status: 409,
  code: ProgrammeEventErrorCode.AlreadyStarted,
  description: 'the event has started',
  details: EventStartDetails,
};
export const EVENT_NOT_STARTED: ApiErrorOptions = {
  status: 409,
  code: ProgrammeEventErrorCode.NotStarted,
  description: 'attendance is taken once the event has started',
  details: EventStartDetails,
};
export const CAPACITY_BELOW_REGISTERED: ApiErrorOptions = {
  status: 409,
  code: ProgrammeEventErrorCode.CapacityBelowRegistered,
  description: 'more participants hold seats than the new capacity (cancel registrations first)',
  details: CapacityBelowRegisteredDetails,
};
export const ATTENDANCE_RECORDED: ApiErrorOptions = {
  status: 409,
  code: ProgrammeEventErrorCode.AttendanceRecorded,
  description: 'attendance has been taken: the event cannot move to start in the future',
  details: EventIdDetails,
};
export const REGISTRATION_NOT_FOUND: ApiErrorOptions = {
  status: 404,
  code: RegistrationErrorCode.NotFound,
  description: 'no registration with this id at this event',
  details: NotFoundDetails,
};
export const REGISTRATION_CLOSED: ApiErrorOptions = {
  status: 409,
  code: RegistrationErrorCode.Closed,
  description: "the event's registration deadline has passed",
  details: RegistrationClosedDetails,
};
export const ALREADY_REGISTERED: ApiErrorOptions = {
  status: 409,
  code: RegistrationErrorCode.AlreadyRegistered,
  description: 'the participant holds an active registration at this event; details.registrationId is it',
  details: RegistrationStatusDetails,
};
export const NOT_REGISTERED: ApiErrorOptions = {
  status: 409,
  code: AttendanceErrorCode.NotRegistered,
  description: 'the registration is waitlisted or cancelled: only registered participants attend',
  details: RegistrationStatusDetails,
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
export const NOT_A_TRADE_FAIR: ApiErrorOptions = {
  status: 422,
  code: ExhibitorErrorCode.NotATradeFair,
  description: 'exhibitors are for trade fairs',
  details: NotATradeFairDetails,
};
export const ALREADY_EXHIBITING: ApiErrorOptions = {
  status: 409,
  code: ExhibitorErrorCode.AlreadyExhibiting,
  description: 'the company exhibits at this trade fair already; details.exhibitorId is it',
  details: AlreadyExhibitingDetails,
};
export const EXPORT_RING_NOT_FOUND: ApiErrorOptions = {
  status: 404,
  code: ExportRingErrorCode.NotFound,
  description: 'no export ring or circle with this id',
  details: NotFoundDetails,
};
export const MEMBERSHIP_NOT_FOUND: ApiErrorOptions = {
  status: 404,
  code: ExportRingErrorCode.MembershipNotFound,
  description: 'no membership with this id in this ring',
  details: NotFoundDetails,
};
export const UNKNOWN_RING: ApiErrorOptions = {
  status: 422,
  code: ExportRingErrorCode.UnknownRing,
  description: 'ringId names no export ring or circle',
  details: UnknownRingDetails,
};
export const RING_KIND_MISMATCH: ApiErrorOptions = {
  status: 422,
  code: ExportRingErrorCode.RingKindMismatch,
  description: 'an export-ring meeting belongs to an export ring, an export-circle meeting to an export circle',
  details: RingKindMismatchDetails,
};
export const ALREADY_MEMBER: ApiErrorOptions = {
  status: 409,
  code: ExportRingErrorCode.AlreadyMember,
  description: 'the company is a member on some of those days already: memberships may not overlap',
  details: AlreadyMemberDetails,
};
export const MEMBERSHIP_ALREADY_ENDED: ApiErrorOptions = {
  status: 409,
  code: ExportRingErrorCode.MembershipAlreadyEnded,
  description: 'the membership has ended already',
  details: MembershipEndedDetails,
};
export const LEAVES_BEFORE_JOINING: ApiErrorOptions = {
  status: 422,
  code: ExportRingErrorCode.LeavesBeforeJoining,
  description: 'a company cannot leave before it joined',
  details: LeavesBeforeJoiningDetails,
};
