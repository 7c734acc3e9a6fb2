import { AppException, NotFoundAppException } from '@globac/http';
import { HttpStatus } from '@nestjs/common';

export enum ExportRingErrorCode {
  NotFound = 'EXPORT_RING_NOT_FOUND',
  MembershipNotFound = 'MEMBERSHIP_NOT_FOUND',
  UnknownRing = 'UNKNOWN_RING',
  RingKindMismatch = 'RING_KIND_MISMATCH',
  AlreadyMember = 'ALREADY_MEMBER',
  MembershipAlreadyEnded = 'MEMBERSHIP_ALREADY_ENDED',
  LeavesBeforeJoining = 'LEAVES_BEFORE_JOINING',
}

export class ExportRingNotFoundException extends NotFoundAppException {
  constructor(id: string) {
    super('export ring', id, ExportRingErrorCode.NotFound);
  }
}

export class MembershipNotFoundException extends NotFoundAppException {
  constructor(id: string) {
    super('membership', id, ExportRingErrorCode.MembershipNotFound);
  }
}

/** An event names a ring that does not exist. */
export class UnknownRingException extends AppException {
  constructor(ringId: string) {
    super(HttpStatus.UNPROCESSABLE_ENTITY, ExportRingErrorCode.UnknownRing, `No export ring or circle with id ${ringId}`, { ringId });
  }
}

/** An export-ring meeting belongs to an export ring, an export-circle meeting to an export circle. */
export class RingKindMismatchException extends AppException {
  constructor(ringId: string, ringKind: string, eventKind: string) {
    super(HttpStatus.UNPROCESSABLE_ENTITY, ExportRingErrorCode.RingKindMismatch, `A ${eventKind} cannot be a meeting of ${ringId}, which is an ${ringKind}`, {
      ringId,
      ringKind,
      eventKind,
    });
  }
}

export class AlreadyMemberException extends AppException {
  constructor(membershipId: string, joinedOn: string, leftOn: string | null) {
    super(
      HttpStatus.CONFLICT,
      ExportRingErrorCode.AlreadyMember,
      `The company is a member of the ring from ${joinedOn}${leftOn ? ` to ${leftOn}` : ''}: memberships may not overlap`,
      { membershipId, joinedOn, leftOn },
    );
  }
}

export class MembershipAlreadyEndedException extends AppException {
  constructor(membershipId: string, leftOn: string) {
    super(HttpStatus.CONFLICT, ExportRingErrorCode.MembershipAlreadyEnded, `The membership ended on ${leftOn}`, { membershipId, leftOn });
  }
}

export class LeavesBeforeJoiningException extends AppException {
  constructor(joinedOn: string, leftOn: string) {
    super(HttpStatus.UNPROCESSABLE_ENTITY, ExportRingErrorCode.LeavesBeforeJoining, `A company cannot leave (${leftOn}) before it joined (${joinedOn})`, {
      joinedOn,
      leftOn,
    });
  }
}
