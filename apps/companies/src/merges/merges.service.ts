import type { Principal } from '@globac/auth';
import { CompaniesMerged } from '@globac/contracts';
import { OutboxService } from '@globac/messaging';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In, Not } from 'typeorm';
import { CompaniesService } from '../companies/companies.service';
import { Company } from '../companies/company.entity';
import { Contact } from '../contacts/contact.entity';
import { ExportFigures, ExportFiguresRevision } from '../export-figures/export-figures.entity';
import { refreshExportStatus } from '../export-figures/export-status';
import { PartnersService } from '../partners/partners.service';
import { Relationship } from '../relationships/relationship.entity';
import { relationshipToKeep } from '../relationships/relationship.rules';
import { RelationshipsService } from '../relationships/relationships.service';
import { CompanyMerge } from './company-merge.entity';
import type { MergeOutcomeDto, MergeResultDto } from './dto/merge-companies.dto';
import { MergeIntoItselfException } from './merges.exceptions';

/**
 * Merges a duplicate company record into the one that survives. Everything moves in one transaction:
 * contacts, export figures (where both reported a year, the survivor's figures stand and the
 * duplicate's stay with it), relationships (where both had an open one with the same partner, the one
 * further along stays open and the other is ended with cause `merge`). The duplicate stays, marked as
 * merged, so that its id answers with a pointer to the survivor; CompaniesMerged tells everyone else.
 */
@Injectable()
export class MergesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly companies: CompaniesService,
    private readonly partners: PartnersService,
    private readonly relationships: RelationshipsService,
    private readonly outbox: OutboxService,
  ) {}

  async merge(survivorId: string, duplicateId: string, principal: Principal): Promise<MergeResultDto> {
    if (survivorId === duplicateId) throw new MergeIntoItselfException();
    const { mergedAt, outcome } = await this.dataSource.transaction(async (manager) => {
      // Both rows locked in id order, so that two merges of the same pair cannot deadlock; the second finds one merged (410).
      await manager.query('SELECT id FROM companies WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE', [[survivorId, duplicateId]]);
      const survivor = await this.companies.requireActive(manager, survivorId);
      const duplicate = await this.companies.requireActive(manager, duplicateId);
      const now = new Date();

      const contacts = await manager.update(Contact, { companyId: duplicate.id }, { companyId: survivor.id });
      const years = await this.moveExportFigures(manager, survivor.id, duplicate.id);
      const relationships = await this.moveRelationships(manager, survivor.id, duplicate.id, now, principal.subject);

      await manager.update(Company, { id: duplicate.id }, { mergedIntoId: survivor.id, mergedAt: now, updatedAt: now });
      // Companies merged into the duplicate earlier now point at the survivor directly: one hop to the living company.
      await manager.update(Company, { mergedIntoId: duplicate.id }, { mergedIntoId: survivor.id });
      await refreshExportStatus(manager, survivor.id);

      const outcome: MergeOutcomeDto = { contactsMoved: contacts.affected ?? 0, ...years, ...relationships };
      await manager.insert(CompanyMerge, {
        survivingCompanyId: survivor.id,
        mergedCompanyId: duplicate.id,
        mergedAt: now,
        mergedBy: principal.subject,
        outcome,
      });
      await this.outbox.add(
        manager,
        CompaniesMerged,
        { survivingCompanyId: survivor.id, mergedCompanyId: duplicate.id, mergedAt: now.toISOString() },
        { occurredOn: now },
      );
      return { mergedAt: now, outcome };
    });
    return { mergedCompanyId: duplicateId, mergedAt: mergedAt.toISOString(), survivor: await this.companies.get(survivorId), outcome };
  }

  /** The duplicate's years the survivor has no figures for move, with their revisions; for the others the survivor's stand. */
  private async moveExportFigures(manager: EntityManager, survivorId: string, duplicateId: string) {
    const yearsOf = async (companyId: string) =>
      (await manager.find(ExportFigures, { where: { companyId }, select: { year: true }, order: { year: 'ASC' } })).map((r) => r.year);
    const survivorYears = new Set(await yearsOf(survivorId));
    const duplicateYears = await yearsOf(duplicateId);
    const exportYearsMoved = duplicateYears.filter((y) => !survivorYears.has(y));
    const exportYearsKeptFromSurvivor = duplicateYears.filter((y) => survivorYears.has(y));
    if (exportYearsMoved.length) {
      const moving = { companyId: duplicateId, year: In(exportYearsMoved) };
      await manager.update(ExportFigures, moving, { companyId: survivorId });
      await manager.update(ExportFiguresRevision, moving, { companyId: survivorId });
    }
    return { exportYearsMoved, exportYearsKeptFromSurvivor };
  }

  private async moveRelationships(manager: EntityManager, survivorId: string, duplicateId: string, now: Date, by: string) {
    const lock = { mode: 'pessimistic_write' as const };
    const duplicates = await manager.find(Relationship, { where: { companyId: duplicateId }, lock });
    const survivorsOpen = await manager.find(Relationship, { where: { companyId: survivorId, stage: Not('ended') }, lock });
    const openByPartner = new Map(survivorsOpen.map((r) => [r.partnerId, r]));
    const relationshipsEnded: string[] = [];
    for (const relationship of duplicates) {
      const survivors = relationship.stage === 'ended' ? undefined : openByPartner.get(relationship.partnerId);
      if (!survivors) continue;
      const ending = relationshipToKeep(survivors, relationship) === relationship ? survivors : relationship;
      const partner = await this.partners.require(manager, relationship.partnerId);
      await this.relationships.applyMove(manager, ending, partner, { toStage: 'ended', at: now, cause: 'merge', causeId: survivorId, recordedBy: by });
      relationshipsEnded.push(ending.id);
    }
    const moved = await manager.update(Relationship, { companyId: duplicateId }, { companyId: survivorId });
    return { relationshipsMoved: moved.affected ?? 0, relationshipsEnded };
  }
}
