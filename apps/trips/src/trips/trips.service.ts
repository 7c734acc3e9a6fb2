import { hasRole, type Principal } from '@globac/auth';
import { TripCancelled, TripPlanned } from '@globac/contracts';
import { type Page, toPage, ValidationFailedException } from '@globac/http';
import { OutboxService } from '@globac/messaging';
import { ForbiddenException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { checkRules } from '../business-rule';
import { calendarDateInSweden } from '../calendar';
import type { CreateTripDto } from './dto/create-trip.dto';
import type { DestinationDto } from './dto/destination.dto';
import type { ListTripsQueryDto } from './dto/list-trips.query.dto';
import { TripDto } from './dto/trip.dto';
import type { UpdateTripDto } from './dto/update-trip.dto';
import { itineraryOf } from './itinerary';
import { type Destination, Trip } from './trip.entity';
import { CapacityIsNotBelowAcceptedCompanies, scheduleProblems, TransitionIsAllowedFromStatus, TripIsEditableUntilCompletedOrCancelled } from './trip.rules';
import { TripNotFoundException } from './trips.exception';

const destinationsOf = (dtos: DestinationDto[]): Destination[] =>
  dtos.map((d) => ({ country: d.country, targetRegion: d.targetRegion ?? null, city: d.city ?? null }));

/** What a company user may see of trips: open ones, and those its company applied to. */
const COMPANY_VISIBLE = "(t.status = 'open' OR EXISTS (SELECT 1 FROM trip_participant p WHERE p.trip_id = t.id AND p.company_id = :visibleTo))";

@Injectable()
export class TripsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  /** Plans a trip; TripPlanned in the same transaction. */
  async create(dto: CreateTripDto, principal: Principal): Promise<TripDto> {
    const details = {
      title: dto.title,
      purpose: dto.purpose,
      destinations: destinationsOf(dto.destinations),
      startsOn: dto.startsOn,
      endsOn: dto.endsOn,
      capacity: dto.capacity ?? null,
      applicationClosesOn: dto.applicationClosesOn ?? null,
      financiers: dto.financiers ?? [],
      subsidyPerCompanySek: dto.subsidyPerCompanySek ?? 0,
    };
    const problems = scheduleProblems(details, calendarDateInSweden(new Date()));
    if (problems.length) throw new ValidationFailedException(problems);
    return this.dataSource.transaction(async (manager) => {
      const { identifiers } = await manager.insert(Trip, { ...details, createdBy: principal.subject });
      const trip = await manager.findOneByOrFail(Trip, { id: identifiers[0].id as string });
      await this.outbox.add(manager, TripPlanned, { ...itineraryOf(trip), title: trip.title });
      return TripDto.from(trip);
    });
  }

  async list(query: ListTripsQueryDto, principal: Principal): Promise<Page<TripDto>> {
    const qb = this.dataSource.manager.createQueryBuilder(Trip, 't').orderBy('t.starts_on', 'ASC').addOrderBy('t.id', 'ASC');
    if (!hasRole(principal, 'admin', 'staff', 'financier')) qb.andWhere(COMPANY_VISIBLE, { visibleTo: principal.companyId ?? null });
    if (query.status) qb.andWhere('t.status = :status', { status: query.status });
    if (query.country) qb.andWhere('t.destinations @> :country::jsonb', { country: JSON.stringify([{ country: query.country }]) });
    if (query.targetRegion) qb.andWhere('t.destinations @> :region::jsonb', { region: JSON.stringify([{ targetRegion: query.targetRegion }]) });
    if (query.financier) qb.andWhere(':financier = ANY(t.financiers)', { financier: query.financier });
    if (query.startsFrom) qb.andWhere('t.starts_on >= :startsFrom', { startsFrom: query.startsFrom });
    if (query.startsBefore) qb.andWhere('t.starts_on < :startsBefore', { startsBefore: query.startsBefore });
    const [items, total] = await qb.skip(query.offset).take(query.pageSize).getManyAndCount();
    return toPage(items.map(TripDto.from), total, query);
  }

  async get(id: string, principal: Principal): Promise<TripDto> {
    const trip = await this.dataSource.manager.findOne(Trip, { where: { id } });
    if (!trip) throw new TripNotFoundException(id);
    await this.assertCanSee(trip, principal);
    return TripDto.from(trip);
  }

  /** A company user sees open trips and those its company applied to; staff, financiers and admin see all. */
  async assertCanSee(trip: Trip, principal: Principal): Promise<void> {
    if (hasRole(principal, 'admin', 'staff', 'financier') || trip.status === 'open') return;
    const applied =
      principal.companyId !== undefined &&
      (await this.dataSource.manager.query('SELECT 1 FROM trip_participant WHERE trip_id = $1 AND company_id = $2 LIMIT 1', [trip.id, principal.companyId]))
        .length > 0;
    if (!applied) throw new ForbiddenException({ error: 'FORBIDDEN', message: 'A company user sees open trips and those its company applied to' });
  }

  /** Changes the editable fields while the trip is neither completed nor cancelled. */
  async update(id: string, dto: UpdateTripDto): Promise<TripDto> {
    return this.dataSource.transaction(async (manager) => {
      const trip = await this.lockTrip(manager, id);
      checkRules(new TripIsEditableUntilCompletedOrCancelled(trip));
      const next = {
        title: dto.title ?? trip.title,
        purpose: dto.purpose ?? trip.purpose,
        destinations: dto.destinations ? destinationsOf(dto.destinations) : trip.destinations,
        startsOn: dto.startsOn ?? trip.startsOn,
        endsOn: dto.endsOn ?? trip.endsOn,
        capacity: dto.capacity === undefined ? trip.capacity : dto.capacity,
        applicationClosesOn: dto.applicationClosesOn === undefined ? trip.applicationClosesOn : dto.applicationClosesOn,
        financiers: dto.financiers ?? trip.financiers,
        subsidyPerCompanySek: dto.subsidyPerCompanySek ?? trip.subsidyPerCompanySek,
      };
      // Moving a planned trip's days is allowed (it may have to move, even to a day already begun); only creation refuses the past.
      const problems = scheduleProblems(next, null);
      if (problems.length) throw new ValidationFailedException(problems);
      checkRules(new CapacityIsNotBelowAcceptedCompanies(next.capacity, trip.acceptedCount));
      await manager.update(Trip, { id }, next);
      return TripDto.from(await manager.findOneByOrFail(Trip, { id }));
    });
  }

  /** planned|closed → open, open → closed. */
  async openOrClose(id: string, transition: 'open' | 'close'): Promise<TripDto> {
    return this.dataSource.transaction(async (manager) => {
      const trip = await this.lockTrip(manager, id);
      checkRules(new TransitionIsAllowedFromStatus(trip, transition));
      const now = new Date();
      await manager.update(Trip, { id }, transition === 'open' ? { status: 'open', openedAt: now } : { status: 'closed', closedAt: now });
      return TripDto.from(await manager.findOneByOrFail(Trip, { id }));
    });
  }

  /** Cancels a trip before completion; TripCancelled says its participants no longer count. */
  async cancel(id: string): Promise<TripDto> {
    return this.dataSource.transaction(async (manager) => {
      const trip = await this.lockTrip(manager, id);
      checkRules(new TransitionIsAllowedFromStatus(trip, 'cancel'));
      const now = new Date();
      await manager.update(Trip, { id }, { status: 'cancelled', cancelledAt: now });
      await this.outbox.add(manager, TripCancelled, { tripId: id, cancelledAt: now.toISOString() });
      return TripDto.from(await manager.findOneByOrFail(Trip, { id }));
    });
  }

  /**
   * Locks the trip's row until the transaction ends (FOR NO KEY UPDATE: foreign-key checks on it still
   * pass). Every change to a trip's status or accepted companies takes it first, so they are serialized
   * per trip across replicas and the counter read under it is exact.
   */
  async lockTrip(manager: EntityManager, id: string): Promise<Trip> {
    const trip = await manager.findOne(Trip, { where: { id }, lock: { mode: 'for_no_key_update' } });
    if (!trip) throw new TripNotFoundException(id);
    return trip;
  }
}
