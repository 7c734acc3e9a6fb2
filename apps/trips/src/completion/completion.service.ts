import { TripCompleted, TripCompletionCorrected } from '@globac/contracts';
import { ValidationFailedException } from '@globac/http';
import { OutboxService } from '@globac/messaging';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { checkRules } from '../business-rule';
import { calendarDateInSweden } from '../calendar';
import { NotAnAcceptedParticipantException } from '../meetings/meetings.exception';
import { Participant } from '../participants/participant.entity';
import { TripDto } from '../trips/dto/trip.dto';
import { itineraryOf } from '../trips/itinerary';
import { type TravelledCompany, Trip } from '../trips/trip.entity';
import { TransitionIsAllowedFromStatus, TripIsCompletedFromItsFirstDay } from '../trips/trip.rules';
import { TripStatusConflictException } from '../trips/trips.exception';
import { TripsService } from '../trips/trips.service';
import { checkTravelled, defaultTravelled, travelledChanged, type TravelledEntry } from './completion.rules';
import type { CompleteTripDto, CorrectCompletionDto } from './dto/completion.dto';

@Injectable()
export class CompletionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly trips: TripsService,
    private readonly outbox: OutboxService,
  ) {}

  /** Completes a trip from its first day on: who travelled, for how long, with what subsidy (TripCompleted). */
  async complete(tripId: string, dto: CompleteTripDto): Promise<TripDto> {
    const today = calendarDateInSweden(new Date());
    return this.dataSource.transaction(async (manager) => {
      const trip = await this.trips.lockTrip(manager, tripId);
      checkRules(new TransitionIsAllowedFromStatus(trip, 'complete'), new TripIsCompletedFromItsFirstDay(trip, today));
      const accepted = await this.acceptedCompanyIds(manager, tripId);
      const travelled = dto.travelled ? this.checked(trip, dto.travelled, accepted) : defaultTravelled(trip, accepted);
      const now = new Date();
      const envelope = await this.outbox.add(manager, TripCompleted, { ...itineraryOf(trip), travellingCompanies: travelled, completedAt: now.toISOString() });
      await manager.update(Trip, { id: tripId }, { status: 'completed', completedAt: now, completion: travelled, completionEventId: envelope.id, completionRevision: 1 });
      return TripDto.from(await manager.findOneByOrFail(Trip, { id: tripId }));
    });
  }

  /**
   * Replaces the record of a completed trip as a whole: TripCompletionCorrected names the event it
   * corrects. A list that says nothing new changes nothing and publishes nothing.
   */
  async correct(tripId: string, dto: CorrectCompletionDto): Promise<TripDto> {
    return this.dataSource.transaction(async (manager) => {
      const trip = await this.trips.lockTrip(manager, tripId);
      if (trip.status !== 'completed' || !trip.completionEventId) throw new TripStatusConflictException(tripId, trip.status, 'have its completion corrected');
      const travelled = this.checked(trip, dto.travelled, await this.acceptedCompanyIds(manager, tripId));
      if (!travelledChanged(trip.completion, travelled)) return TripDto.from(trip);
      const now = new Date();
      const envelope = await this.outbox.add(manager, TripCompletionCorrected, {
        ...itineraryOf(trip),
        travellingCompanies: travelled,
        completedAt: now.toISOString(),
        correctsEventId: trip.completionEventId,
      });
      await manager.update(Trip, { id: tripId }, { completion: travelled, completionEventId: envelope.id, completionRevision: trip.completionRevision + 1 });
      return TripDto.from(await manager.findOneByOrFail(Trip, { id: tripId }));
    });
  }

  private checked(trip: Trip, entries: TravelledEntry[], accepted: string[]): TravelledCompany[] {
    const { travelled, problems, notAccepted } = checkTravelled(trip, entries, new Set(accepted));
    if (problems.length) throw new ValidationFailedException(problems);
    if (notAccepted.length) throw new NotAnAcceptedParticipantException(trip.id, notAccepted[0], null);
    return travelled;
  }

  private async acceptedCompanyIds(manager: EntityManager, tripId: string): Promise<string[]> {
    const rows = await manager.find(Participant, { where: { tripId, status: 'accepted' }, order: { appliedAt: 'ASC', id: 'ASC' }, select: { companyId: true } });
    return rows.map((r) => r.companyId);
  }
}
