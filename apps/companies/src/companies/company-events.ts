import type { CompanyRegistered } from '@globac/contracts';
import type { Company } from './company.entity';

/** What other services learn when a company is registered: no description (free text may name people). */
export function companyRegisteredEvent(company: Company): CompanyRegistered {
  return {
    companyId: company.id,
    orgNumber: company.orgNumber,
    name: company.name,
    municipality: company.municipality,
    county: company.county,
    sizeClass: company.sizeClass,
    employees: company.employees,
    sniCode: company.sniCode,
    website: company.website,
    registeredAt: company.registeredAt.toISOString(),
    revision: company.revision,
  };
}
