import { ForbiddenException } from '@nestjs/common';
import { hasRole, type Principal } from './principal';

/** Staff and admin act for every company; a company user only for the company in their token. */
export function canActForCompany(principal: Principal, companyId: string): boolean {
  if (hasRole(principal, 'admin', 'staff')) return true;
  return hasRole(principal, 'company') && principal.companyId === companyId;
}

export function assertCanActForCompany(principal: Principal, companyId: string): void {
  if (!canActForCompany(principal, companyId)) {
    throw new ForbiddenException({ error: 'FORBIDDEN', message: 'You may not see or act for this company' });
  }
}
