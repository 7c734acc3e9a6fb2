import { ApiProperty } from '@nestjs/swagger';
import { CONTACT_GENDERS, type Contact, type ContactGender } from '../contact.entity';

export class ContactDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  companyId: string;

  @ApiProperty({ example: 'Anna Lindqvist' })
  name: string;

  @ApiProperty({ type: String, nullable: true })
  email: string | null;

  @ApiProperty({ type: String, nullable: true })
  phone: string | null;

  @ApiProperty({ type: String, nullable: true })
  role: string | null;

  @ApiProperty({ enum: CONTACT_GENDERS })
  gender: ContactGender;

  @ApiProperty()
  consentToContact: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When consent was last given or withdrawn' })
  consentChangedAt: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  static from(contact: Contact): ContactDto {
    return {
      id: contact.id,
      companyId: contact.companyId,
      name: contact.name,
      email: contact.email,
      phone: contact.phone,
      role: contact.role,
      gender: contact.gender,
      consentToContact: contact.consentToContact,
      consentChangedAt: contact.consentChangedAt?.toISOString() ?? null,
      createdAt: contact.createdAt.toISOString(),
      updatedAt: contact.updatedAt.toISOString(),
    };
  }
}

class ContactCompanyDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ example: '556036-0793' })
  orgNumber: string;
}

class ProcessingDto {
  @ApiProperty()
  purpose: string;

  @ApiProperty()
  legalBasis: string;

  @ApiProperty()
  source: string;

  @ApiProperty()
  recipients: string;

  @ApiProperty()
  retention: string;
}

/** Everything this service holds about one person, and how it is processed (GDPR art. 15). */
export class ContactExportDto {
  @ApiProperty({ format: 'date-time' })
  exportedAt: string;

  @ApiProperty({ type: ContactDto, description: 'Every stored field about the person' })
  personalData: ContactDto;

  @ApiProperty({ type: ContactCompanyDto, description: 'The company the person is a contact of' })
  company: ContactCompanyDto;

  @ApiProperty({ type: ProcessingDto })
  processing: ProcessingDto;
}
