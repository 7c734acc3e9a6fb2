import { randomUUID } from 'node:crypto';
import { describeHostileInput } from '@globac/testing';
import { AppModule } from '../src/app.module';
import { CompaniesConfig } from '../src/companies.config';
import { nextOrgNumber } from './support/companies-service';

describeHostileInput({
  service: 'companies',
  configClass: CompaniesConfig,
  createModule: (config) => AppModule.forRoot(config),
  // Company A with a contact: a company representative of another company must reach neither.
  seedCompanyData: async (app, staff) => {
    const marker = `Secret-${randomUUID()}`;
    const auth = { Authorization: `Bearer ${staff}` };
    const company = await app.http().post('/api/companies').set(auth).send({ orgNumber: nextOrgNumber(), name: `${marker} AB`, municipality: 'Umeå' }).expect(201);
    const contact = await app.http().post(`/api/companies/${company.body.id}/contacts`).set(auth).send({ name: `${marker} Person` }).expect(201);
    const companyId = company.body.id as string;
    const contactId = contact.body.id as string;
    return { companyId, marker, params: { 'companies.id': companyId, companyId, 'contacts.id': contactId, contactId } };
  },
});
