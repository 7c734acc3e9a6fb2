import { assertCanActForCompany, hasRole, type Principal } from '@globac/auth';
import { ContactErased } from '@globac/contracts';
import { type Page, toPage } from '@globac/http';
import { OutboxService } from '@globac/messaging';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { CompaniesService } from '../companies/companies.service';
import { ContactErasure } from './contact-erasure.entity';
import { Contact } from './contact.entity';
import { ContactNotFoundException } from './contacts.exceptions';
import { ContactDto, type ContactExportDto } from './dto/contact.dto';
import type { CreateContactDto } from './dto/create-contact.dto';
import type { ListContactsQueryDto } from './dto/list-contacts-query.dto';
import type { UpdateContactDto } from './dto/update-contact.dto';

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** What article 15 asks a controller to tell: why, on what basis, from where, to whom, for how long. */
const PROCESSING = {
  purpose: "Contact with the company's people about the export programme: invitations, follow-up and reports to funders (counted, never named)",
  legalBasis: 'Legitimate interest of the programme (GDPR art. 6(1)(f)); e-mail and phone contact only with consent',
  source: 'Given by the person, the company or programme staff',
  recipients:
    'Programme staff and the company\'s own representatives. Other services of the programme receive only the contact id; ' +
    'no name, e-mail or phone number leaves this service',
  retention: 'Until the person asks to be erased, or the company leaves the programme',
};

@Injectable()
export class ContactsService {
  private readonly logger = new Logger('Contacts');

  constructor(
    private readonly dataSource: DataSource,
    private readonly companies: CompaniesService,
    private readonly outbox: OutboxService,
  ) {}

  async create(companyId: string, dto: CreateContactDto): Promise<ContactDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.companies.requireActive(manager, companyId);
      const now = new Date();
      const contact = await manager.save(
        manager.create(Contact, {
          companyId,
          name: dto.name,
          email: dto.email ?? null,
          phone: dto.phone ?? null,
          role: dto.role ?? null,
          gender: dto.gender ?? 'undisclosed',
          consentToContact: dto.consentToContact ?? false,
          consentChangedAt: dto.consentToContact === undefined ? null : now,
          createdAt: now,
          updatedAt: now,
        }),
      );
      return ContactDto.from(contact);
    });
  }

  async list(query: ListContactsQueryDto, principal: Principal): Promise<Page<ContactDto>> {
    let companyId = query.companyId;
    if (!hasRole(principal, 'admin', 'staff')) {
      // A company user lists its own company's contacts, asked for or not.
      if (companyId) assertCanActForCompany(principal, companyId);
      companyId = principal.companyId;
    }
    const filtered = this.dataSource.getRepository(Contact).createQueryBuilder('p');
    if (companyId) filtered.where('p.companyId = :companyId', { companyId });
    if (query.consentToContact !== undefined) filtered.andWhere('p.consentToContact = :consent', { consent: query.consentToContact });
    if (query.q?.trim()) filtered.andWhere('(p.name ILIKE :like OR p.email ILIKE :like)', { like: `%${escapeLike(query.q.trim())}%` });
    const [contacts, total] = await Promise.all([
      filtered.clone().orderBy('p.name', 'ASC').addOrderBy('p.id', 'ASC').offset(query.offset).limit(query.pageSize).getMany(),
      filtered.clone().select('count(*)::int', 'total').getRawOne<{ total: number }>(),
    ]);
    return toPage(contacts.map(ContactDto.from), total?.total ?? 0, query);
  }

  async get(id: string, principal: Principal): Promise<ContactDto> {
    return ContactDto.from(await this.find(this.dataSource.manager, id, principal));
  }

  async update(id: string, dto: UpdateContactDto, principal: Principal): Promise<ContactDto> {
    return this.dataSource.transaction(async (manager) => {
      const contact = await this.find(manager, id, principal, { lock: true });
      const now = new Date();
      for (const field of ['name', 'email', 'phone', 'role', 'gender'] as const) {
        if (dto[field] !== undefined) Object.assign(contact, { [field]: dto[field] });
      }
      if (dto.consentToContact !== undefined && dto.consentToContact !== contact.consentToContact) {
        contact.consentToContact = dto.consentToContact;
        contact.consentChangedAt = now;
      }
      contact.updatedAt = now;
      return ContactDto.from(await manager.save(contact));
    });
  }

  /**
   * Erases the person (GDPR art. 17): the row goes, and with it every personal field this service held
   * (none is copied anywhere else); what stays is the erasure log row and a ContactErased event, both
   * with the contact id only, so that other services drop what they hold and counts stay as they were.
   */
  async erase(id: string, principal: Principal): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const contact = await this.find(manager, id, principal, { lock: true });
      const now = new Date();
      await manager.delete(Contact, { id: contact.id });
      await manager.insert(ContactErasure, { contactId: contact.id, companyId: contact.companyId, erasedAt: now, erasedBy: principal.subject });
      await this.outbox.add(manager, ContactErased, { contactId: contact.id }, { occurredOn: now });
    });
    this.logger.log(`contact ${id} erased at the request of ${principal.subject}`);
  }

  /** Everything held about the person (GDPR art. 15). */
  async export(id: string, principal: Principal): Promise<ContactExportDto> {
    const contact = await this.find(this.dataSource.manager, id, principal);
    const company = await this.companies.requireActive(this.dataSource.manager, contact.companyId);
    return {
      exportedAt: new Date().toISOString(),
      personalData: ContactDto.from(contact),
      company: { id: company.id, name: company.name, orgNumber: company.orgNumber },
      processing: PROCESSING,
    };
  }

  /** The contact, if it exists and the caller may act for its company (a company user: its own only). */
  private async find(manager: EntityManager, id: string, principal: Principal, options: { lock?: boolean } = {}): Promise<Contact> {
    const contact = await manager.findOne(Contact, { where: { id }, ...(options.lock ? { lock: { mode: 'pessimistic_write' } } : {}) });
    if (!contact) throw new ContactNotFoundException(id);
    assertCanActForCompany(principal, contact.companyId);
    return contact;
  }
}
