import { type ApiErrorOptions, NotFoundDetails } from '@globac/http';
import { ApiProperty } from '@nestjs/swagger';
import { CompanyErrorCode } from './companies/companies.exceptions';
import { ContactErrorCode } from './contacts/contacts.exceptions';
import { ExportFiguresErrorCode } from './export-figures/export-figures.exceptions';
import { PartnerErrorCode } from './partners/partners.exceptions';
import { RelationshipErrorCode } from './relationships/relationships.exceptions';

// The error answers of the companies service, with the `details` each code carries, for @ApiErrorResponse.

export class CompanyMergedDetails {
  @ApiProperty({ type: String, format: 'uuid', description: 'The merged duplicate that was asked for' })
  id: string;
  @ApiProperty({ type: String, format: 'uuid', description: 'The company it was merged into: use this one' })
  mergedInto: string;
}

export class DuplicateOrgNumberDetails {
  @ApiProperty({ type: String, format: 'uuid', description: 'The company already registered with the number' })
  existingId: string;
  @ApiProperty({ type: String, example: '556036-0793' })
  orgNumber: string;
}

export class ExistingIdDetails {
  @ApiProperty({ type: String, format: 'uuid', description: 'The record that already exists' })
  existingId: string;
}

export class ExportFiguresNotFoundDetails {
  @ApiProperty({ type: String, format: 'uuid' })
  companyId: string;
  @ApiProperty({ type: 'integer', example: 2025 })
  year: number;
}

export class StageUnchangedDetails {
  @ApiProperty({ type: String, example: 'meeting', description: 'The stage the relationship is at already' })
  stage: string;
}

export const COMPANY_NOT_FOUND: ApiErrorOptions = {
  status: 404,
  code: CompanyErrorCode.CompanyNotFound,
  description: 'no company with this id',
  details: NotFoundDetails,
};
export const COMPANY_MERGED: ApiErrorOptions = {
  status: 410,
  code: CompanyErrorCode.CompanyMerged,
  description: 'the company was merged into another one; details.mergedInto is the company to use',
  details: CompanyMergedDetails,
};
export const DUPLICATE_ORG_NUMBER: ApiErrorOptions = {
  status: 409,
  code: CompanyErrorCode.DuplicateOrgNumber,
  description: 'a company with this organisation number is registered; details.existingId is its id',
  details: DuplicateOrgNumberDetails,
};
export const ORG_NUMBER_CHANGE_NOT_ALLOWED: ApiErrorOptions = {
  status: 403,
  code: CompanyErrorCode.OrgNumberChangeNotAllowed,
  description: "only programme staff may change a company's organisation number",
};
export const CONTACT_NOT_FOUND: ApiErrorOptions = {
  status: 404,
  code: ContactErrorCode.ContactNotFound,
  description: 'no contact with this id (also once the contact is erased, or for a company user: at another company)',
  details: NotFoundDetails,
};
export const EXPORT_FIGURES_NOT_FOUND: ApiErrorOptions = {
  status: 404,
  code: ExportFiguresErrorCode.ExportFiguresNotFound,
  description: 'the company reported no figures for this year',
  details: ExportFiguresNotFoundDetails,
};
export const PARTNER_NOT_FOUND: ApiErrorOptions = {
  status: 404,
  code: PartnerErrorCode.PartnerNotFound,
  description: 'no partner with this id',
  details: NotFoundDetails,
};
export const DUPLICATE_PARTNER: ApiErrorOptions = {
  status: 409,
  code: PartnerErrorCode.DuplicatePartner,
  description: 'a partner of this name is registered in this country; details.existingId is its id',
  details: ExistingIdDetails,
};
export const RELATIONSHIP_NOT_FOUND: ApiErrorOptions = {
  status: 404,
  code: RelationshipErrorCode.RelationshipNotFound,
  description: 'no relationship with this id',
  details: NotFoundDetails,
};
export const RELATIONSHIP_EXISTS: ApiErrorOptions = {
  status: 409,
  code: RelationshipErrorCode.RelationshipExists,
  description: 'the company has an open relationship with this partner; details.existingId is its id',
  details: ExistingIdDetails,
};
export const RELATIONSHIP_STAGE_UNCHANGED: ApiErrorOptions = {
  status: 409,
  code: RelationshipErrorCode.StageUnchanged,
  description: 'the relationship is at this stage already',
  details: StageUnchangedDetails,
};
