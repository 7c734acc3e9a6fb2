import { AppException, NotFoundAppException } from '@globac/http';
import { HttpStatus } from '@nestjs/common';

export enum RelationshipErrorCode {
  RelationshipNotFound = 'RELATIONSHIP_NOT_FOUND',
  RelationshipExists = 'RELATIONSHIP_EXISTS',
  StageUnchanged = 'RELATIONSHIP_STAGE_UNCHANGED',
}

export class RelationshipNotFoundException extends NotFoundAppException {
  constructor(id: string) {
    super('relationship', id, RelationshipErrorCode.RelationshipNotFound);
  }
}

/** A company has at most one open relationship with a partner: move that one instead. */
export class RelationshipExistsException extends AppException {
  constructor(existingId: string) {
    super(HttpStatus.CONFLICT, RelationshipErrorCode.RelationshipExists, 'The company already has an open relationship with this partner', {
      existingId,
    });
  }
}

export class StageUnchangedException extends AppException {
  constructor(stage: string) {
    super(HttpStatus.CONFLICT, RelationshipErrorCode.StageUnchanged, `The relationship is already at stage ${stage}`, { stage });
  }
}
