import type { ServiceDataSourceParts } from '@globac/database';
import { messagingMigrations } from '@globac/messaging';
import { CompanyMunicipalityPeriod } from './companies/company-municipality-period.entity';
import { Company } from './companies/company.entity';
import { CreateCompanies1795683600000 } from './migrations/1795683600000-create-companies';

/** The companies service's tables and the migrations that make them. */
export const companiesDatabase: ServiceDataSourceParts = {
  entities: [Company, CompanyMunicipalityPeriod],
  // The outbox and inbox of integration events come first; the service's own migrations follow.
  migrations: [...messagingMigrations, CreateCompanies1795683600000],
};
