import { AppException, NotFoundAppException } from '@globac/http';
import { HttpStatus } from '@nestjs/common';

export enum CompanyErrorCode {
  CompanyNotFound = 'COMPANY_NOT_FOUND',
  CompanyMerged = 'COMPANY_MERGED',
  DuplicateOrgNumber = 'DUPLICATE_ORG_NUMBER',
  OrgNumberChangeNotAllowed = 'ORG_NUMBER_CHANGE_NOT_ALLOWED',
}

export class CompanyNotFoundException extends NotFoundAppException {
  constructor(id: string) {
    super('company', id, CompanyErrorCode.CompanyNotFound);
  }
}

/** A merged duplicate: gone as a company of its own, with a pointer to the company it lives on in. */
export class CompanyMergedException extends AppException {
  constructor(id: string, mergedInto: string) {
    super(HttpStatus.GONE, CompanyErrorCode.CompanyMerged, `Company ${id} was merged into company ${mergedInto}`, { id, mergedInto });
  }
}

export class DuplicateOrgNumberException extends AppException {
  constructor(orgNumber: string, existingId: string) {
    super(
      HttpStatus.CONFLICT,
      CompanyErrorCode.DuplicateOrgNumber,
      `A company with organisation number ${orgNumber} is already registered`,
      { existingId, orgNumber },
    );
  }
}

export class OrgNumberChangeNotAllowedException extends AppException {
  constructor() {
    super(
      HttpStatus.FORBIDDEN,
      CompanyErrorCode.OrgNumberChangeNotAllowed,
      "Only programme staff may change a company's organisation number",
    );
  }
}
