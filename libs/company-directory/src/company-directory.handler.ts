import { CompaniesMerged, CompanyRegistered, CompanyUpdated, type IntegrationEventEnvelope } from '@globac/contracts';
import { HandlesIntegrationEvent } from '@globac/messaging';
import { Controller } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { COPIED_FIELDS, CompanyCopy } from './company-copy.entity';
import { CompanyNotYetKnownError } from './company-directory.exception';

/**
 * Keeps the copy of the companies service's companies from its events. Each event is handled once (the
 * inbox), but not necessarily in order: a retried message arrives after later ones.
 */
@Controller()
export class CompanyDirectoryHandler {
  @HandlesIntegrationEvent(CompanyRegistered)
  async onRegistered(event: IntegrationEventEnvelope<CompanyRegistered>, manager: EntityManager) {
    const c = event.data;
    // Revision 1: a row already there holds the same or later facts.
    await manager
      .createQueryBuilder()
      .insert()
      .into(CompanyCopy)
      .values({ id: c.companyId, orgNumber: c.orgNumber, name: c.name, municipality: c.municipality, sizeClass: c.sizeClass, revision: c.revision, fieldRevisions: {} })
      .orIgnore()
      .execute();
  }

  @HandlesIntegrationEvent(CompanyUpdated)
  async onUpdated(event: IntegrationEventEnvelope<CompanyUpdated>, manager: EntityManager) {
    const { companyId, changes, revision } = event.data;
    const company = await manager.findOne(CompanyCopy, { where: { id: companyId }, lock: { mode: 'pessimistic_write' } });
    if (!company) throw new CompanyNotYetKnownError(companyId, event.type);
    // Field by field: an older update arriving late must not undo a newer one, and must still set
    // the fields the newer one did not touch.
    const fieldRevisions = { ...company.fieldRevisions };
    const applied: Partial<CompanyCopy> = {};
    for (const field of COPIED_FIELDS) {
      const value = changes[field];
      if (value === undefined || (fieldRevisions[field] ?? 1) >= revision) continue;
      Object.assign(applied, { [field]: value });
      fieldRevisions[field] = revision;
    }
    await manager.update(CompanyCopy, { id: companyId }, { ...applied, fieldRevisions, revision: Math.max(company.revision, revision), updatedAt: new Date() });
  }

  @HandlesIntegrationEvent(CompaniesMerged)
  async onMerged(event: IntegrationEventEnvelope<CompaniesMerged>, manager: EntityManager) {
    const { mergedCompanyId, survivingCompanyId, mergedAt } = event.data;
    if (!(await manager.exists(CompanyCopy, { where: { id: mergedCompanyId } }))) throw new CompanyNotYetKnownError(mergedCompanyId, event.type);
    // Point at the last survivor of a chain (A into B, then B into C: A and B point at C), so that one
    // lookup always finds the company to use.
    await manager.query(
      `UPDATE company_copy
          SET merged_into = COALESCE((SELECT s.merged_into FROM company_copy s WHERE s.id = $2), $2), merged_at = $3, updated_at = now()
        WHERE id = $1 OR merged_into = $1`,
      [mergedCompanyId, survivingCompanyId, mergedAt],
    );
  }
}
