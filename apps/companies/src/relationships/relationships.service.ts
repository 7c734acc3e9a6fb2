import { assertCanActForCompany, type Principal } from '@globac/auth';
import { type PartnerMeetingHeld, type RelationshipCause, type RelationshipStage, RelationshipStageChanged } from '@globac/contracts';
import { type Page, toPage, ValidationFailedException } from '@globac/http';
import { OutboxService } from '@globac/messaging';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager, In, Not } from 'typeorm';
import { CompaniesService } from '../companies/companies.service';
import { Partner } from '../partners/partner.entity';
import { PartnersService } from '../partners/partners.service';
import { TargetRegion } from '../reference-data/target-region.entity';
import { isUniqueViolation } from '@globac/database';
import type { ChangeStageDto, ListRelationshipsQueryDto, OpenRelationshipDto } from './dto/change-stage.dto';
import { RelationshipDetailDto, RelationshipDto, StageChangeDto } from './dto/relationship.dto';
import { Relationship, RelationshipStageChange } from './relationship.entity';
import { causeProblems, movedAtProblems, type RuleProblem, stageAfterCorrection, stageAfterMeeting, stageRank } from './relationship.rules';
import { RelationshipExistsException, RelationshipNotFoundException, StageUnchangedException } from './relationships.exceptions';

const OPEN_KEY = 'relationships_open_key';

export interface StageMove {
  toStage: RelationshipStage;
  at: Date;
  cause: RelationshipCause;
  causeId: string | null;
  recordedBy: string;
}

@Injectable()
export class RelationshipsService {
  private readonly logger = new Logger('Relationships');

  constructor(
    private readonly dataSource: DataSource,
    private readonly companies: CompaniesService,
    private readonly partners: PartnersService,
    private readonly outbox: OutboxService,
  ) {}

  async open(companyId: string, dto: OpenRelationshipDto, principal: Principal): Promise<RelationshipDetailDto> {
    const now = new Date();
    const cause = dto.cause ?? { kind: 'manual' as const };
    const at = dto.at ? new Date(dto.at) : now;
    this.refuse([...causeProblems(cause), ...movedAtProblems(at, now)]);
    const id = await this.mapOpenRace(companyId, dto.partnerId, () =>
      this.dataSource.transaction(async (manager) => {
        await this.companies.requireActive(manager, companyId, { lock: true });
        const partner = await this.partners.require(manager, dto.partnerId);
        await this.assertNoOpenRelationship(manager, companyId, partner.id);
        const relationship = await manager.save(
          manager.create(Relationship, {
            companyId,
            partnerId: partner.id,
            stage: dto.stage ?? 'lead',
            stageChangedAt: at,
            openedAt: at,
            updatedAt: now,
          }),
        );
        await this.record(manager, relationship, partner, null, {
          toStage: relationship.stage,
          at,
          cause: cause.kind,
          causeId: cause.id ?? null,
          recordedBy: principal.subject,
        });
        return relationship.id;
      }),
    );
    return this.get(id, principal);
  }

  async move(id: string, dto: ChangeStageDto, principal: Principal): Promise<RelationshipDetailDto> {
    const now = new Date();
    const cause = dto.cause ?? { kind: 'manual' as const };
    const at = dto.at ? new Date(dto.at) : now;
    this.refuse([...causeProblems(cause), ...movedAtProblems(at, now)]);
    const relationship = await this.dataSource.manager.findOneBy(Relationship, { id });
    if (!relationship) throw new RelationshipNotFoundException(id);
    await this.mapOpenRace(relationship.companyId, relationship.partnerId, () =>
      this.dataSource.transaction(async (manager) => {
        const locked = await manager.findOne(Relationship, { where: { id }, lock: { mode: 'pessimistic_write' } });
        if (!locked) throw new RelationshipNotFoundException(id);
        if (locked.stage === dto.stage) throw new StageUnchangedException(dto.stage);
        this.refuse(movedAtProblems(at, now, locked.stageChangedAt));
        if (locked.stage === 'ended') await this.assertNoOpenRelationship(manager, locked.companyId, locked.partnerId);
        const partner = await this.partners.require(manager, locked.partnerId);
        await this.applyMove(manager, locked, partner, { toStage: dto.stage, at, cause: cause.kind, causeId: cause.id ?? null, recordedBy: principal.subject });
      }),
    );
    return this.get(id, principal);
  }

  async listForCompany(companyId: string, query: ListRelationshipsQueryDto): Promise<Page<RelationshipDto>> {
    await this.companies.requireActive(this.dataSource.manager, companyId);
    const [relationships, total] = await this.dataSource.manager.findAndCount(Relationship, {
      where: { companyId, ...(query.stage ? { stage: query.stage } : {}) },
      order: { stageChangedAt: 'DESC', id: 'ASC' },
      skip: query.offset,
      take: query.pageSize,
    });
    const partners = await this.partnersById(relationships.map((r) => r.partnerId));
    return toPage(relationships.map((r) => RelationshipDto.from(r, partners.get(r.partnerId)!)), total, query);
  }

  async get(id: string, principal: Principal): Promise<RelationshipDetailDto> {
    const relationship = await this.dataSource.manager.findOneBy(Relationship, { id });
    if (!relationship) throw new RelationshipNotFoundException(id);
    assertCanActForCompany(principal, relationship.companyId);
    const partner = await this.partners.require(this.dataSource.manager, relationship.partnerId);
    const history = await this.dataSource.manager.find(RelationshipStageChange, {
      where: { relationshipId: id },
      order: { changedAt: 'ASC', recordedAt: 'ASC' },
    });
    return { ...RelationshipDto.from(relationship, partner), history: history.map(StageChangeDto.from) };
  }

  /**
   * A B2B meeting held on a trip (PartnerMeetingHeld, from the trips service) moves the company's
   * relationship with the partner on: to `meeting`, or to `agreement` when that was the outcome; a
   * relationship that has come as far already stays where it is, and one is opened if there was none.
   * A partner given by name that is not known here is registered. A higher revision of the same meeting
   * is a changed outcome: it corrects the move the meeting made (back, too) as long as nothing moved the
   * relationship since, and never opens a second relationship; a lower or equal revision (a retry arriving
   * late) changes nothing. Runs in the transaction of the consumed event, so it happens once however
   * often it is delivered.
   */
  async recordMeeting(manager: EntityManager, meeting: PartnerMeetingHeld, recordedBy: string): Promise<void> {
    const revision = meeting.revision ?? 1;
    const seen: { revision: number; relationship_id: string | null; stage_before: RelationshipStage | null }[] = await manager.query(
      'SELECT revision, relationship_id, stage_before FROM partner_meeting_outcomes WHERE meeting_id = $1 FOR UPDATE',
      [meeting.meetingId],
    );
    const earlier = seen[0];
    if (earlier && earlier.revision >= revision) return;
    const companyId = await this.activeCompanyIdOf(manager, meeting.companyId);
    const partner = await this.meetingPartner(manager, meeting);
    if (!companyId || !partner) {
      // Nothing to move: the company or partner is not (yet) known here. Staff can record the move later, citing the meeting.
      this.logger.warn(`partner meeting ${meeting.meetingId}: ${companyId ? 'partner' : 'company'} unknown, no relationship moved`);
      return;
    }
    const at = new Date(meeting.heldAt);
    const move = { toStage: stageAfterMeeting(meeting.outcome), at, cause: 'partner-meeting' as const, causeId: meeting.meetingId, recordedBy };
    const open = await manager.findOne(Relationship, {
      where: { companyId, partnerId: partner.id, stage: Not('ended') },
      lock: { mode: 'pessimistic_write' },
    });
    if (earlier) {
      if (open && open.id === earlier.relationship_id && (await this.lastMovedBy(manager, open.id, meeting.meetingId))) {
        // A changed outcome of the meeting that moved the relationship last: correct that move, either way.
        const toStage = stageAfterCorrection(earlier.stage_before, meeting.outcome);
        if (toStage !== open.stage) await this.applyMove(manager, open, partner, { ...move, toStage, at: open.stageChangedAt > at ? open.stageChangedAt : at });
      } else {
        await this.moveOnOrOpen(manager, open, companyId, partner, move);
      }
      await manager.query('UPDATE partner_meeting_outcomes SET revision = $2, updated_at = now() WHERE meeting_id = $1', [meeting.meetingId, revision]);
      return;
    }
    const stageBefore = open?.stage ?? null;
    const relationshipId = await this.moveOnOrOpen(manager, open, companyId, partner, move);
    await manager.query('INSERT INTO partner_meeting_outcomes (meeting_id, revision, relationship_id, stage_before) VALUES ($1, $2, $3, $4)', [
      meeting.meetingId,
      revision,
      relationshipId,
      stageBefore,
    ]);
  }

  /** Opens a relationship at the move's stage, or moves the open one on: never backwards, never before a move already recorded. */
  private async moveOnOrOpen(manager: EntityManager, open: Relationship | null, companyId: string, partner: Partner, move: StageMove): Promise<string> {
    if (!open) {
      const relationship = await manager.save(
        manager.create(Relationship, { companyId, partnerId: partner.id, stage: move.toStage, stageChangedAt: move.at, openedAt: move.at, updatedAt: new Date() }),
      );
      await this.record(manager, relationship, partner, null, move);
      return relationship.id;
    }
    // A late meeting adds nothing to a later stage.
    if (stageRank(open.stage) < stageRank(move.toStage) && move.at >= open.stageChangedAt) await this.applyMove(manager, open, partner, move);
    return open.id;
  }

  /** Whether the relationship's latest move was caused by this meeting. */
  private async lastMovedBy(manager: EntityManager, relationshipId: string, meetingId: string): Promise<boolean> {
    const last = await manager.findOne(RelationshipStageChange, { where: { relationshipId }, order: { recordedAt: 'DESC', changedAt: 'DESC' } });
    return last?.causeKind === 'partner-meeting' && last.causeId === meetingId;
  }

  /**
   * The meeting's partner: by id, or by name and country; a partner given by name that is not known here
   * is registered (abroad only, in its target region when that is one of the country's).
   */
  private async meetingPartner(manager: EntityManager, meeting: PartnerMeetingHeld): Promise<Partner | null> {
    if (meeting.partnerId) return manager.findOneBy(Partner, { id: meeting.partnerId });
    const byName = () =>
      manager
        .getRepository(Partner)
        .createQueryBuilder('p')
        .where('lower(p.name) = lower(:name) AND p.countryCode = :country', { name: meeting.partnerName, country: meeting.partnerCountry })
        .getOne();
    const known = await byName();
    if (known || !meeting.partnerName || meeting.partnerCountry === 'SE') return known;
    const region = meeting.partnerTargetRegion ? await manager.findOneBy(TargetRegion, { code: meeting.partnerTargetRegion }) : null;
    const now = new Date();
    // A partner registered at the same moment by another event: the insert does nothing and the name finds it.
    await manager
      .createQueryBuilder()
      .insert()
      .into(Partner)
      .values({
        name: meeting.partnerName,
        countryCode: meeting.partnerCountry,
        regionOrCity: null,
        sector: null,
        website: null,
        targetRegion: region?.countryCode === meeting.partnerCountry ? region.code : null,
        createdAt: now,
        updatedAt: now,
      })
      .orIgnore()
      .execute();
    return byName();
  }

  /** The company an event names, or the one it was merged into; locked like a write through the API would. */
  private async activeCompanyIdOf(manager: EntityManager, companyId: string): Promise<string | undefined> {
    const rows: { id: string; merged_into_id: string | null }[] = await manager.query(
      'SELECT id, merged_into_id FROM companies WHERE id = $1 FOR UPDATE',
      [companyId],
    );
    const row = rows[0];
    if (!row) return undefined;
    return row.merged_into_id ? this.activeCompanyIdOf(manager, row.merged_into_id) : row.id;
  }

  /** Moves a relationship (locked by the caller) to another stage: the row, a history row and RelationshipStageChanged, in the caller's transaction. */
  async applyMove(manager: EntityManager, relationship: Relationship, partner: Partner, move: StageMove): Promise<void> {
    const fromStage = relationship.stage;
    relationship.stage = move.toStage;
    relationship.stageChangedAt = move.at;
    relationship.updatedAt = new Date();
    await manager.save(relationship);
    await this.record(manager, relationship, partner, fromStage, move);
  }

  private async record(manager: EntityManager, relationship: Relationship, partner: Partner, fromStage: RelationshipStage | null, move: StageMove) {
    const recordedAt = new Date();
    await manager.insert(RelationshipStageChange, {
      relationshipId: relationship.id,
      fromStage,
      toStage: move.toStage,
      changedAt: move.at,
      causeKind: move.cause,
      causeId: move.causeId,
      recordedAt,
      recordedBy: move.recordedBy,
    });
    await this.outbox.add(
      manager,
      RelationshipStageChanged,
      {
        relationshipId: relationship.id,
        companyId: relationship.companyId,
        partnerId: partner.id,
        partnerCountry: partner.countryCode,
        targetRegion: partner.targetRegion,
        fromStage,
        toStage: move.toStage,
        changedAt: move.at.toISOString(),
        cause: move.cause,
        causeId: move.causeId,
      },
      { occurredOn: recordedAt },
    );
  }

  private async assertNoOpenRelationship(manager: EntityManager, companyId: string, partnerId: string) {
    const open = await manager.findOne(Relationship, { where: { companyId, partnerId, stage: Not('ended') }, select: { id: true } });
    if (open) throw new RelationshipExistsException(open.id);
  }

  /** Two requests opening the same relationship at once: the loser gets the 409 the check gives. */
  private async mapOpenRace<T>(companyId: string, partnerId: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (isUniqueViolation(error, OPEN_KEY)) await this.assertNoOpenRelationship(this.dataSource.manager, companyId, partnerId);
      throw error;
    }
  }

  private async partnersById(ids: string[]): Promise<Map<string, Partner>> {
    if (!ids.length) return new Map();
    const partners = await this.dataSource.manager.findBy(Partner, { id: In([...new Set(ids)]) });
    return new Map(partners.map((p) => [p.id, p]));
  }

  private refuse(problems: RuleProblem[]) {
    if (problems.length) throw new ValidationFailedException([...problems]);
  }
}
