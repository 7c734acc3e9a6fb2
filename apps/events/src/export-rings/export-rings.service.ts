import type { Principal } from '@globac/auth';
import { ExportRingMembershipChanged } from '@globac/contracts';
import { type Page, toPage } from '@globac/http';
import { OutboxService } from '@globac/messaging';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { checkRules } from '../business-rule';
import { CompanyDirectoryService } from '@globac/company-directory';
import type { CreateExportRingDto } from './dto/create-export-ring.dto';
import { ExportRingDto } from './dto/export-ring.dto';
import type { JoinRingDto } from './dto/join-ring.dto';
import type { LeaveRingDto } from './dto/leave-ring.dto';
import type { ListExportRingsQueryDto } from './dto/list-export-rings.query.dto';
import type { ListMembershipsQueryDto } from './dto/list-memberships.query.dto';
import { MembershipDto } from './dto/membership.dto';
import type { UpdateExportRingDto } from './dto/update-export-ring.dto';
import { ExportRing } from './export-ring.entity';
import { MemberLeavesNoEarlierThanItJoined, MembershipEndsOnce, MembershipsOfACompanyDoNotOverlap } from './export-ring.rules';
import { ExportRingNotFoundException, MembershipNotFoundException } from './export-rings.exception';
import { RingMeetingsService } from './ring-meetings.service';
import { RingMembership } from './ring-membership.entity';

@Injectable()
export class ExportRingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly companies: CompanyDirectoryService,
    private readonly meetings: RingMeetingsService,
    private readonly outbox: OutboxService,
  ) {}

  async create(dto: CreateExportRingDto): Promise<ExportRingDto> {
    const manager = this.dataSource.manager;
    const { identifiers } = await manager.insert(ExportRing, { kind: dto.kind ?? 'export-ring', name: dto.name, city: dto.city, facilitator: dto.facilitator });
    return ExportRingDto.from(await manager.findOneByOrFail(ExportRing, { id: identifiers[0].id as string }));
  }

  async list(query: ListExportRingsQueryDto): Promise<Page<ExportRingDto>> {
    const qb = this.dataSource.manager.createQueryBuilder(ExportRing, 'r').orderBy('r.name', 'ASC').addOrderBy('r.id', 'ASC');
    if (query.kind) qb.andWhere('r.kind = :kind', { kind: query.kind });
    if (query.city) qb.andWhere('lower(r.city) = lower(:city)', { city: query.city });
    const [items, total] = await qb.skip(query.offset).take(query.pageSize).getManyAndCount();
    return toPage(items.map(ExportRingDto.from), total, query);
  }

  async get(id: string): Promise<ExportRingDto> {
    return ExportRingDto.from(await this.find(this.dataSource.manager, id));
  }

  async update(id: string, dto: UpdateExportRingDto): Promise<ExportRingDto> {
    return this.dataSource.transaction(async (manager) => {
      const ring = await this.find(manager, id, true);
      const changes = { name: dto.name ?? ring.name, city: dto.city ?? ring.city, facilitator: dto.facilitator ?? ring.facilitator };
      await manager.update(ExportRing, { id }, changes);
      return ExportRingDto.from(await manager.findOneByOrFail(ExportRing, { id }));
    });
  }

  /** A company joins the ring from a day on; it is invited to the ring's meetings to come from that day. */
  async join(ringId: string, dto: JoinRingDto, principal: Principal): Promise<MembershipDto> {
    await this.companies.requireActive(dto.companyId);
    const now = new Date();
    return this.dataSource.transaction(async (manager) => {
      const ring = await this.find(manager, ringId, true);
      const existing = await manager.find(RingMembership, { where: { ringId, companyId: dto.companyId } });
      checkRules(new MembershipsOfACompanyDoNotOverlap(existing, { joinedOn: dto.joinedOn, leftOn: null }));
      const { identifiers } = await manager.insert(RingMembership, { ringId, companyId: dto.companyId, joinedOn: dto.joinedOn, leftOn: null });
      const membership = await manager.findOneByOrFail(RingMembership, { id: identifiers[0].id as string });
      await this.outbox.add(manager, ExportRingMembershipChanged, {
        membershipId: membership.id,
        ringId,
        ringKind: ring.kind,
        companyId: membership.companyId,
        change: 'joined',
        effectiveOn: membership.joinedOn,
      });
      await this.meetings.inviteToUpcomingMeetings(manager, membership, principal.subject, now);
      return MembershipDto.from(membership);
    });
  }

  /** A member leaves after a last day; its invitations to later meetings are withdrawn. */
  async leave(ringId: string, membershipId: string, dto: LeaveRingDto): Promise<MembershipDto> {
    const now = new Date();
    return this.dataSource.transaction(async (manager) => {
      const ring = await this.find(manager, ringId, true);
      const membership = await manager.findOne(RingMembership, { where: { id: membershipId, ringId } });
      if (!membership) throw new MembershipNotFoundException(membershipId);
      checkRules(new MembershipEndsOnce(membership), new MemberLeavesNoEarlierThanItJoined(membership, dto.leftOn));
      await manager.update(RingMembership, { id: membershipId }, { leftOn: dto.leftOn });
      membership.leftOn = dto.leftOn;
      await this.outbox.add(manager, ExportRingMembershipChanged, {
        membershipId,
        ringId,
        ringKind: ring.kind,
        companyId: membership.companyId,
        change: 'left',
        effectiveOn: dto.leftOn,
      });
      await this.meetings.withdrawInvitations(manager, membership, now);
      return MembershipDto.from(membership);
    });
  }

  async listMembers(ringId: string, query: ListMembershipsQueryDto): Promise<Page<MembershipDto>> {
    const manager = this.dataSource.manager;
    await this.find(manager, ringId);
    const qb = manager
      .createQueryBuilder(RingMembership, 'm')
      .where('m.ring_id = :ringId', { ringId })
      .orderBy('m.joined_on', 'ASC')
      .addOrderBy('m.id', 'ASC');
    if (query.activeOn) qb.andWhere('m.joined_on <= :day AND (m.left_on IS NULL OR m.left_on >= :day)', { day: query.activeOn });
    if (query.companyId) qb.andWhere('m.company_id = :companyId', { companyId: query.companyId });
    const [items, total] = await qb.skip(query.offset).take(query.pageSize).getManyAndCount();
    return toPage(items.map(MembershipDto.from), total, query);
  }

  /** The ring; with `lock`, its row is locked until the transaction ends (membership changes and meeting scheduling wait). */
  private async find(manager: EntityManager, id: string, lock = false): Promise<ExportRing> {
    const ring = await manager.findOne(ExportRing, { where: { id }, ...(lock ? { lock: { mode: 'for_no_key_update' as const } } : {}) });
    if (!ring) throw new ExportRingNotFoundException(id);
    return ring;
  }
}
