import { NotFoundAppException } from '@globac/http';

/** Nothing is known here about this company: no registration and no activity. */
export class CompanyNotFoundException extends NotFoundAppException {
  constructor(companyId: string) {
    super('company', companyId);
  }
}
