import { AppException } from '@globac/http';
import { HttpStatus } from '@nestjs/common';

export enum CompanyDirectoryErrorCode {
  UnknownCompany = 'UNKNOWN_COMPANY',
  CompanyMerged = 'COMPANY_MERGED',
}

/** The company is not (yet) known here: the companies service has not announced it. */
export class UnknownCompanyException extends AppException {
  constructor(companyId: string) {
    super(
      HttpStatus.UNPROCESSABLE_ENTITY,
      CompanyDirectoryErrorCode.UnknownCompany,
      `No company with id ${companyId} is registered in the programme (or its registration has not reached this service yet)`,
      { companyId },
    );
  }
}

/** The company was merged into another one, which is the company to use from now on. */
export class CompanyMergedException extends AppException {
  constructor(companyId: string, mergedInto: string) {
    super(HttpStatus.UNPROCESSABLE_ENTITY, CompanyDirectoryErrorCode.CompanyMerged, `Company ${companyId} was merged into ${mergedInto}: use that company`, {
      companyId,
      mergedInto,
    });
  }
}

/**
 * An event about a company whose CompanyRegistered has not been handled here yet (a redelivered message
 * arrives after later ones). Thrown from a handler, so that the message is retried later.
 */
export class CompanyNotYetKnownError extends Error {
  constructor(companyId: string, eventType: string) {
    super(`${eventType} for company ${companyId}, which is not known here yet: retried until its CompanyRegistered is handled`);
    this.name = 'CompanyNotYetKnownError';
  }
}
