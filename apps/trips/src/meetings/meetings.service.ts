import { assertCanActForCompany, hasRole, type Principal } from '@globac/auth';
import { PartnerMeetingHeld } from '@globac/contracts';
import { type Page, toPage, ValidationFailedException } from '@globac/http';
import { OutboxService } from '@globac/messaging';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, Not } from 'typeorm';
import { checkRules } from '../business-rule';
import { PartnerCopy } from '../partner-directory/partner-copy.entity';
import { Participant } from '../participants/participant.entity';
import { Trip } from '../trips/trip.entity';
import { TripNotFoundException } from '../trips/trips.exception';
import { TripsService } from '../trips/trips.service';
import type { CreateMeetingDto } from './dto/create-meeting.dto';
import type { ListMeetingsQueryDto } from './dto/list-meetings.query.dto';
import { MeetingDto } from './dto/meeting.dto';
import type { RecordOutcomeDto } from './dto/record-outcome.dto';
import {
  MeetingsAreForAcceptedCompanies,
  meetingTimeProblems,
  namedPartnerProblems,
  OutcomeIsRecordedOnceMeetingWasHeld,
  outcomeIsNews,
  TripIsNotCancelled,
} from './meeting.rules';
import { MeetingNotFoundException, UnknownPartnerException } from './meetings.exception';
import { PartnerMeeting } from './partner-meeting.entity';

/** Staff notes on a meeting are the programme's own, not the company's to read. */
const seesNotes = (principal: Principal) => hasRole(principal, 'admin', 'staff', 'financier');

@Injectable()
export class MeetingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly trips: TripsService,
    private readonly outbox: OutboxService,
  ) {}

  /** Books a meeting of an accepted company with a partner, known by id or given by name. Nothing is published until its outcome. */
  async create(tripId: string, dto: CreateMeetingDto, principal: Principal): Promise<MeetingDto> {
    if (dto.partnerId !== undefined && dto.partner !== undefined) {
      throw new ValidationFailedException([{ field: 'partner', rule: 'onePartner', message: 'give either partnerId or partner, not both' }]);
    }
    if (dto.partner) {
      const problems = namedPartnerProblems(dto.partner);
      if (problems.length) throw new ValidationFailedException(problems);
    }
    const at = new Date(dto.at);
    return this.dataSource.transaction(async (manager) => {
      // The trip's lock keeps the participation from being withdrawn while the meeting is booked for it.
      const trip = await this.trips.lockTrip(manager, tripId);
      checkRules(new TripIsNotCancelled(trip));
      const problems = meetingTimeProblems(at, trip);
      if (problems.length) throw new ValidationFailedException(problems);
      const participation = await manager.findOne(Participant, { where: { tripId, companyId: dto.companyId, status: Not('withdrawn') } });
      checkRules(new MeetingsAreForAcceptedCompanies(tripId, dto.companyId, participation?.status ?? null));
      let partner: Pick<PartnerMeeting, 'partnerId' | 'partnerName' | 'partnerCountry' | 'partnerTargetRegion'>;
      if (dto.partnerId !== undefined) {
        const known = await manager.findOne(PartnerCopy, { where: { id: dto.partnerId } });
        if (!known) throw new UnknownPartnerException(dto.partnerId);
        partner = { partnerId: known.id, partnerName: null, partnerCountry: known.countryCode, partnerTargetRegion: known.targetRegion };
      } else {
        const named = dto.partner!;
        partner = { partnerId: null, partnerName: named.name, partnerCountry: named.countryCode, partnerTargetRegion: named.targetRegion ?? null };
      }
      const meeting = await manager.save(
        manager.create(PartnerMeeting, {
          tripId,
          participantId: participation!.id,
          companyId: dto.companyId,
          ...partner,
          heldAt: at,
          place: dto.place ?? null,
          outcome: null,
          followUpOn: null,
          notes: null,
          outcomeRevision: 0,
          outcomeRecordedAt: null,
          outcomeRecordedBy: null,
          createdBy: principal.subject,
        }),
      );
      return MeetingDto.from(meeting);
    });
  }

  /**
   * Records what came of a meeting. The first outcome, and every change of it or of the follow-up day,
   * publishes PartnerMeetingHeld with the next revision: the companies service applies a higher revision
   * of the same meeting as a correction. The same outcome again publishes nothing.
   */
  async recordOutcome(tripId: string, meetingId: string, dto: RecordOutcomeDto, principal: Principal): Promise<MeetingDto> {
    const now = new Date();
    return this.dataSource.transaction(async (manager) => {
      const trip = await manager.findOne(Trip, { where: { id: tripId } });
      if (!trip) throw new TripNotFoundException(tripId);
      const meeting = await manager.findOne(PartnerMeeting, { where: { id: meetingId, tripId }, lock: { mode: 'pessimistic_write' } });
      if (!meeting) throw new MeetingNotFoundException(meetingId);
      checkRules(new TripIsNotCancelled(trip), new OutcomeIsRecordedOnceMeetingWasHeld(meeting, now));
      const after = {
        outcome: dto.outcome,
        followUpOn: dto.followUpOn ?? null,
        notes: dto.notes === undefined ? meeting.notes : dto.notes || null,
      };
      const news = outcomeIsNews(meeting, after);
      if (!news && after.notes === meeting.notes) return MeetingDto.from(meeting);
      Object.assign(meeting, after);
      if (news) {
        Object.assign(meeting, { outcomeRevision: meeting.outcomeRevision + 1, outcomeRecordedAt: now, outcomeRecordedBy: principal.subject });
        await this.outbox.add(manager, PartnerMeetingHeld, {
          meetingId: meeting.id,
          tripId,
          companyId: meeting.companyId,
          partnerId: meeting.partnerId,
          partnerName: meeting.partnerId ? null : meeting.partnerName,
          partnerCountry: meeting.partnerCountry,
          heldAt: meeting.heldAt.toISOString(),
          outcome: dto.outcome,
          followUpOn: after.followUpOn,
          ...(meeting.partnerTargetRegion ? { partnerTargetRegion: meeting.partnerTargetRegion } : {}),
          revision: meeting.outcomeRevision,
        });
      }
      const { outcome, followUpOn, notes, outcomeRevision, outcomeRecordedAt, outcomeRecordedBy } = meeting;
      await manager.update(PartnerMeeting, { id: meeting.id }, { outcome, followUpOn, notes, outcomeRevision, outcomeRecordedAt, outcomeRecordedBy });
      return MeetingDto.from(meeting);
    });
  }

  /** The trip's meetings; a company user sees only its own company's. */
  async list(tripId: string, query: ListMeetingsQueryDto, principal: Principal): Promise<Page<MeetingDto>> {
    if (!(await this.dataSource.manager.exists(Trip, { where: { id: tripId } }))) throw new TripNotFoundException(tripId);
    if (query.companyId) assertCanActForCompany(principal, query.companyId);
    const ownOnly = hasRole(principal, 'admin', 'staff', 'financier') ? undefined : (principal.companyId ?? '00000000-0000-0000-0000-000000000000');
    const companyId = query.companyId ?? ownOnly;
    const [meetings, total] = await this.dataSource.manager.findAndCount(PartnerMeeting, {
      where: { tripId, ...(companyId ? { companyId } : {}) },
      order: { heldAt: 'ASC', id: 'ASC' },
      skip: query.offset,
      take: query.pageSize,
    });
    return toPage(meetings.map((m) => MeetingDto.from(m, seesNotes(principal))), total, query);
  }

  async get(tripId: string, meetingId: string, principal: Principal): Promise<MeetingDto> {
    const meeting = await this.dataSource.manager.findOne(PartnerMeeting, { where: { id: meetingId, tripId } });
    if (!meeting) {
      if (!(await this.dataSource.manager.exists(Trip, { where: { id: tripId } }))) throw new TripNotFoundException(tripId);
      throw new MeetingNotFoundException(meetingId);
    }
    if (!hasRole(principal, 'financier')) assertCanActForCompany(principal, meeting.companyId);
    return MeetingDto.from(meeting, seesNotes(principal));
  }
}
