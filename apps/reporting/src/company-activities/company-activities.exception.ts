import { NotFoundAppException } from '@globac/http';

export const COMPANY_NOT_FOUND_CODE = 'COMPANY_NOT_FOUND';

/** Nothing is known here about this company: no registration and no activity. */
export class CompanyNotFoundException extends NotFoundAppException {
  constructor(companyId: string) {
    super('company', companyId, COMPANY_NOT_FOUND_CODE);
  }
}
