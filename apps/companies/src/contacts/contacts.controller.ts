import { assertCanActForCompany, CurrentPrincipal, type Principal, Roles } from '@globac/auth';
import { type Page, PageOf } from '@globac/http';
import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiErrorResponse, ApiTag, UuidParam } from '@globac/http';
import { COMPANY_MERGED, COMPANY_NOT_FOUND, CONTACT_NOT_FOUND } from '../api-errors';
import { ContactsService } from './contacts.service';
import { ContactDto, ContactExportDto } from './dto/contact.dto';
import { CreateContactDto } from './dto/create-contact.dto';
import { ListContactsQueryDto } from './dto/list-contacts-query.dto';
import { UpdateContactDto } from './dto/update-contact.dto';

@ApiTag('contacts', 'People at the companies, with their consent, and GDPR access, rectification and erasure')
@ApiBearerAuth()
@Controller()
export class ContactsController {
  constructor(private readonly contacts: ContactsService) {}

  @Post('companies/:id/contacts')
  @Roles('staff', 'company')
  @ApiOperation({ summary: 'Add a person at a company (staff, or the company itself)', description: 'Publishes ContactAdded (without the personal data).' })
  @ApiCreatedResponse({ type: ContactDto })
  @ApiErrorResponse(COMPANY_NOT_FOUND, COMPANY_MERGED)
  create(@UuidParam('id') companyId: string, @Body() body: CreateContactDto, @CurrentPrincipal() principal: Principal): Promise<ContactDto> {
    assertCanActForCompany(principal, companyId);
    return this.contacts.create(companyId, body);
  }

  @Get('contacts')
  @Roles('staff', 'company')
  @ApiOperation({
    summary: 'List contacts',
    description: "Staff see all contacts, or one company's with companyId; a company user sees its own company's.",
  })
  @ApiOkResponse({ type: PageOf(ContactDto) })
  list(@Query() query: ListContactsQueryDto, @CurrentPrincipal() principal: Principal): Promise<Page<ContactDto>> {
    return this.contacts.list(query, principal);
  }

  @Get('contacts/:id')
  @Roles('staff', 'company')
  @ApiOperation({ summary: 'One contact', description: 'An erased contact answers 404 like one that never existed.' })
  @ApiOkResponse({ type: ContactDto })
  @ApiErrorResponse(CONTACT_NOT_FOUND)
  get(@UuidParam('id') id: string, @CurrentPrincipal() principal: Principal): Promise<ContactDto> {
    return this.contacts.get(id, principal);
  }

  @Patch('contacts/:id')
  @HttpCode(200)
  @Roles('staff', 'company')
  @ApiOperation({ summary: 'Correct a contact (GDPR art. 16)', description: 'Only the fields sent change; null clears an optional field.' })
  @ApiOkResponse({ type: ContactDto })
  @ApiErrorResponse(CONTACT_NOT_FOUND)
  update(@UuidParam('id') id: string, @Body() body: UpdateContactDto, @CurrentPrincipal() principal: Principal): Promise<ContactDto> {
    return this.contacts.update(id, body, principal);
  }

  @Delete('contacts/:id')
  @HttpCode(204)
  @Roles('staff', 'company')
  @ApiOperation({
    summary: 'Erase a contact (GDPR art. 17)',
    description: 'The personal data is deleted; an erasure log entry and a ContactErased event keep only the contact id. Afterwards every endpoint answers 404 for the id.',
  })
  @ApiNoContentResponse({ description: 'Erased' })
  @ApiErrorResponse(CONTACT_NOT_FOUND)
  erase(@UuidParam('id') id: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    return this.contacts.erase(id, principal);
  }

  @Get('contacts/:id/export')
  @Roles('staff', 'company')
  @ApiOperation({
    summary: 'Everything held about the person (GDPR art. 15)',
    description: 'Every stored field, the company, and how the data is processed: purpose, legal basis, source, recipients, retention.',
  })
  @ApiOkResponse({ type: ContactExportDto })
  @ApiErrorResponse(CONTACT_NOT_FOUND, COMPANY_NOT_FOUND, COMPANY_MERGED)
  export(@UuidParam('id') id: string, @CurrentPrincipal() principal: Principal): Promise<ContactExportDto> {
    return this.contacts.export(id, principal);
  }
}
