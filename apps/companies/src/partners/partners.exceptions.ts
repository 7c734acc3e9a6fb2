import { AppException, NotFoundAppException } from '@globac/http';
import { HttpStatus } from '@nestjs/common';

export enum PartnerErrorCode {
  PartnerNotFound = 'PARTNER_NOT_FOUND',
  DuplicatePartner = 'DUPLICATE_PARTNER',
}

export class PartnerNotFoundException extends NotFoundAppException {
  constructor(id: string) {
    super('partner', id, PartnerErrorCode.PartnerNotFound);
  }
}

export class DuplicatePartnerException extends AppException {
  constructor(name: string, countryCode: string, existingId: string) {
    super(HttpStatus.CONFLICT, PartnerErrorCode.DuplicatePartner, `A partner named ${name} in ${countryCode} is already registered`, { existingId });
  }
}
