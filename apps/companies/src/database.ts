import type { ServiceDataSourceParts } from '@globac/database';
import { messagingMigrations } from '@globac/messaging';
import { CompanyMunicipalityPeriod } from './companies/company-municipality-period.entity';
import { Company } from './companies/company.entity';
import { ContactErasure } from './contacts/contact-erasure.entity';
import { Contact } from './contacts/contact.entity';
import { ExportFigures, ExportFiguresRevision } from './export-figures/export-figures.entity';
import { CompanyMerge } from './merges/company-merge.entity';
import { CreateCompanies1795683600000 } from './migrations/1795683600000-create-companies';
import { CreateContacts1795683700000 } from './migrations/1795683700000-create-contacts';
import { CreateExportFigures1795683800000 } from './migrations/1795683800000-create-export-figures';
import { CreatePartnersAndRelationships1795683900000 } from './migrations/1795683900000-create-partners-and-relationships';
import { CreateCompanyMerges1795684000000 } from './migrations/1795684000000-create-company-merges';
import { CreatePartnerMeetingOutcomes1795684100000 } from './migrations/1795684100000-create-partner-meeting-outcomes';
import { Partner } from './partners/partner.entity';
import { TargetRegion } from './reference-data/target-region.entity';
import { Relationship, RelationshipStageChange } from './relationships/relationship.entity';

/** The companies service's tables and the migrations that make them. */
export const companiesDatabase: ServiceDataSourceParts = {
  entities: [
    Company,
    CompanyMunicipalityPeriod,
    Contact,
    ContactErasure,
    ExportFigures,
    ExportFiguresRevision,
    TargetRegion,
    Partner,
    Relationship,
    RelationshipStageChange,
    CompanyMerge,
  ],
  // The outbox and inbox of integration events come first; the service's own migrations follow.
  migrations: [
    ...messagingMigrations,
    CreateCompanies1795683600000,
    CreateContacts1795683700000,
    CreateExportFigures1795683800000,
    CreatePartnersAndRelationships1795683900000,
    CreateCompanyMerges1795684000000,
    CreatePartnerMeetingOutcomes1795684100000,
  ],
};
