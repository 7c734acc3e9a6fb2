import { assertCanActForCompany, hasRole, type Principal } from '@globac/auth';
import { TripParticipantAccepted, TripParticipantWithdrawn } from '@globac/contracts';
import { violatedUniqueConstraint } from '@globac/database';
import { type Page, toPage } from '@globac/http';
import { OutboxService } from '@globac/messaging';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, Not } from 'typeorm';
import { checkRules } from '../business-rule';
import { calendarDateInSweden } from '../calendar';
import { CompanyDirectoryService } from '@globac/company-directory';
import {
  AcceptedCompaniesStayWithinCapacity,
  ApplicationsAreTakenOnlyWhileOpen,
  ApplicationsCloseAfterTheirLastDay,
  TripHasNotStarted,
  TripIsEditableUntilCompletedOrCancelled,
} from '../trips/trip.rules';
import { Trip } from '../trips/trip.entity';
import { TripNotFoundException } from '../trips/trips.exception';
import { TripsService } from '../trips/trips.service';
import type { ApplyDto } from './dto/apply.dto';
import type { ListParticipantsQueryDto } from './dto/list-participants.query.dto';
import { ParticipantDto } from './dto/participant.dto';
import { Participant } from './participant.entity';
import { ApplicationIsDecidedOnce, type Decision, decisionOutcome, DeclinedApplicationsAreNotWithdrawn } from './participant.rules';
import { AlreadyAppliedException, ParticipantNotFoundException } from './participants.exception';
import { Traveller } from './traveller.entity';

const ONE_APPLICATION_PER_COMPANY = 'trip_participant_company_once';

/** Financiers read the facts of a trip, not who the travelling people are. */
const seesPersonalData = (principal: Principal) => !hasRole(principal, 'financier') || hasRole(principal, 'admin', 'staff');

@Injectable()
export class ParticipantsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly trips: TripsService,
    private readonly companies: CompanyDirectoryService,
    private readonly outbox: OutboxService,
  ) {}

  /** A company applies (or staff apply for it) while the trip is open; one application per company and trip. */
  async apply(tripId: string, dto: ApplyDto, principal: Principal): Promise<ParticipantDto> {
    assertCanActForCompany(principal, dto.companyId);
    // Outside the trip's lock: the company copy does not change with the trip.
    await this.companies.requireActive(dto.companyId);
    const today = calendarDateInSweden(new Date());
    try {
      return await this.dataSource.transaction(async (manager) => {
        const trip = await this.trips.lockTrip(manager, tripId);
        checkRules(
          new ApplicationsAreTakenOnlyWhileOpen(trip),
          new TripHasNotStarted(trip, today, 'applications are no longer taken'),
          new ApplicationsCloseAfterTheirLastDay(trip, today),
        );
        const existing = await this.activeApplication(manager, tripId, dto.companyId);
        if (existing) throw new AlreadyAppliedException(existing.id, existing.status);
        const participant = await manager.save(
          manager.create(Participant, {
            tripId,
            companyId: dto.companyId,
            status: 'applied',
            appliedAt: new Date(),
            appliedBy: principal.subject,
            decidedAt: null,
            decidedBy: null,
            withdrawnAt: null,
          }),
        );
        const travellers = dto.travellers.map((t, position) =>
          manager.create(Traveller, {
            participantId: participant.id,
            position,
            contactId: t.contactId ?? null,
            name: t.name ?? null,
            email: t.email ?? null,
            gender: t.gender ?? 'undisclosed',
            personalDataErasedAt: null,
          }),
        );
        await manager.save(travellers);
        return ParticipantDto.from(participant, travellers);
      });
    } catch (error) {
      // Two applications of one company at once: the loser gets the 409 the check gives.
      if (violatedUniqueConstraint(error) === ONE_APPLICATION_PER_COMPANY) {
        const existing = await this.activeApplication(this.dataSource.manager, tripId, dto.companyId);
        if (existing) throw new AlreadyAppliedException(existing.id, existing.status);
      }
      throw error;
    }
  }

  /** Staff accept an application within the trip's capacity (exact under concurrency: the trip's row lock) or decline it. */
  async decide(tripId: string, participantId: string, decision: Decision, principal: Principal): Promise<ParticipantDto> {
    // Under the trip's lock only what the decision needs: acceptances of one trip wait for each other.
    const participant = await this.dataSource.transaction(async (manager) => {
      const trip = await this.trips.lockTrip(manager, tripId);
      const participant = await this.requireIn(manager, tripId, participantId);
      checkRules(new TripIsEditableUntilCompletedOrCancelled(trip), new ApplicationIsDecidedOnce(participant, decision));
      if (decisionOutcome(participant.status, decision) === 'unchanged') return participant;
      const now = new Date();
      if (decision === 'accepted') {
        checkRules(new AcceptedCompaniesStayWithinCapacity(trip));
        await manager.update(Trip, { id: tripId }, { acceptedCount: trip.acceptedCount + 1 });
        await this.outbox.add(manager, TripParticipantAccepted, {
          participationId: participant.id,
          tripId,
          companyId: participant.companyId,
          acceptedAt: now.toISOString(),
        });
      }
      await manager.update(Participant, { id: participant.id }, { status: decision, decidedAt: now, decidedBy: principal.subject });
      return Object.assign(participant, { status: decision, decidedAt: now, decidedBy: principal.subject });
    });
    return this.view(this.dataSource.manager, participant, principal);
  }

  /** Withdraws an application or an acceptance before the trip starts; withdrawing twice changes nothing. */
  async withdraw(tripId: string, participantId: string, principal: Principal): Promise<ParticipantDto> {
    const today = calendarDateInSweden(new Date());
    return this.dataSource.transaction(async (manager) => {
      const trip = await this.trips.lockTrip(manager, tripId);
      const participant = await this.requireIn(manager, tripId, participantId);
      assertCanActForCompany(principal, participant.companyId);
      if (participant.status === 'withdrawn') return this.view(manager, participant, principal);
      checkRules(
        new TripIsEditableUntilCompletedOrCancelled(trip),
        new DeclinedApplicationsAreNotWithdrawn(participant),
        new TripHasNotStarted(trip, today, 'withdrawing is no longer possible'),
      );
      const now = new Date();
      if (participant.status === 'accepted') {
        await manager.update(Trip, { id: tripId }, { acceptedCount: trip.acceptedCount - 1 });
        await this.outbox.add(manager, TripParticipantWithdrawn, {
          participationId: participant.id,
          tripId,
          companyId: participant.companyId,
          withdrawnAt: now.toISOString(),
        });
      }
      Object.assign(participant, { status: 'withdrawn', withdrawnAt: now });
      await manager.update(Participant, { id: participant.id }, { status: 'withdrawn', withdrawnAt: now });
      return this.view(manager, participant, principal);
    });
  }

  /** The trip's participations; a company user sees only its own company's. */
  async list(tripId: string, query: ListParticipantsQueryDto, principal: Principal): Promise<Page<ParticipantDto>> {
    const manager = this.dataSource.manager;
    const trip = await manager.findOne(Trip, { where: { id: tripId } });
    if (!trip) throw new TripNotFoundException(tripId);
    await this.trips.assertCanSee(trip, principal);
    if (query.companyId) assertCanActForCompany(principal, query.companyId);
    const ownOnly = hasRole(principal, 'admin', 'staff', 'financier') ? undefined : principal.companyId;
    const companyId = query.companyId ?? ownOnly;
    const [participants, total] = await manager.findAndCount(Participant, {
      where: { tripId, ...(query.status ? { status: query.status } : {}), ...(companyId ? { companyId } : {}) },
      order: { appliedAt: 'ASC', id: 'ASC' },
      skip: query.offset,
      take: query.pageSize,
    });
    const travellers = participants.length ? await manager.find(Traveller, { where: { participantId: In(participants.map((p) => p.id)) } }) : [];
    const withPersonalData = seesPersonalData(principal);
    return toPage(
      participants.map((p) => ParticipantDto.from(p, travellers.filter((t) => t.participantId === p.id), withPersonalData)),
      total,
      query,
    );
  }

  async get(tripId: string, participantId: string, principal: Principal): Promise<ParticipantDto> {
    const participant = await this.requireIn(this.dataSource.manager, tripId, participantId);
    if (!hasRole(principal, 'financier')) assertCanActForCompany(principal, participant.companyId);
    return this.view(this.dataSource.manager, participant, principal);
  }

  /** The participation of a trip, or 404 (also when it belongs to another trip). */
  async requireIn(manager: EntityManager, tripId: string, participantId: string): Promise<Participant> {
    const participant = await manager.findOne(Participant, { where: { id: participantId, tripId } });
    if (!participant) {
      if (!(await manager.exists(Trip, { where: { id: tripId } }))) throw new TripNotFoundException(tripId);
      throw new ParticipantNotFoundException(participantId);
    }
    return participant;
  }

  private activeApplication(manager: EntityManager, tripId: string, companyId: string): Promise<Participant | null> {
    return manager.findOne(Participant, { where: { tripId, companyId, status: Not('withdrawn') } });
  }

  private async view(manager: EntityManager, participant: Participant, principal: Principal): Promise<ParticipantDto> {
    const travellers = await manager.find(Traveller, { where: { participantId: participant.id } });
    return ParticipantDto.from(participant, travellers, seesPersonalData(principal));
  }
}
