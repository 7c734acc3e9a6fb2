import type { EventKind } from '@globac/contracts';
import { Injectable } from '@nestjs/common';
import { type EntityManager, MoreThan, Not } from 'typeorm';
import { checkRules } from '../business-rule';
import { ProgrammeEvent } from '../programme-events/programme-event.entity';
import { calendarDateInSweden, hasStarted } from '../programme-events/programme-event.rules';
import { Registration } from '../registrations/registration.entity';
import { SeatsService } from '../registrations/seats.service';
import { ExportRing } from './export-ring.entity';
import { isActiveOn, MeetingKindMatchesRing } from './export-ring.rules';
import { UnknownRingException } from './export-rings.exception';
import type { RingMembership } from './ring-membership.entity';

/**
 * Who is invited to a ring's meetings: every company that is a member on the meeting's day gets a
 * registration with nobody named yet (the company names its participant by registering one, who takes
 * that seat). Invitations are made when a meeting is scheduled and when a company joins; a company
 * that leaves loses its invitations to meetings after its last day.
 *
 * Lock order, everywhere: the ring's row, then event rows by id; registrations lock only their event.
 */
@Injectable()
export class RingMeetingsService {
  constructor(private readonly seats: SeatsService) {}

  /** Locks the ring's row (membership changes wait) and checks that the meeting's kind fits the ring. */
  async lockRingForMeeting(manager: EntityManager, ringId: string, kind: EventKind): Promise<ExportRing> {
    const ring = await manager.findOne(ExportRing, { where: { id: ringId }, lock: { mode: 'for_no_key_update' } });
    if (!ring) throw new UnknownRingException(ringId);
    checkRules(new MeetingKindMatchesRing(ring, kind));
    return ring;
  }

  /**
   * Invites the members on the day of a meeting just scheduled in this transaction. A member merged
   * into another company is invited as the surviving company, once.
   */
  async inviteMembers(manager: EntityManager, meeting: ProgrammeEvent, registeredBy: string, now: Date): Promise<Registration[]> {
    const rows: { company_id: string }[] = await manager.query(
      `SELECT COALESCE(c.merged_into, m.company_id) AS company_id
         FROM ring_membership m LEFT JOIN company_copy c ON c.id = m.company_id
        WHERE m.ring_id = $1 AND m.joined_on <= $2 AND (m.left_on IS NULL OR m.left_on >= $2)
        GROUP BY 1
        ORDER BY min(m.joined_on), 1`,
      [meeting.ringId, calendarDateInSweden(meeting.startsAt)],
    );
    const invited: Registration[] = [];
    for (const { company_id: companyId } of rows) {
      invited.push(await this.seats.book(manager, meeting, { companyId, participant: { kind: 'unnamed' }, source: 'ring-invitation', registeredBy }, now));
    }
    return invited;
  }

  /** Invites a company that just joined to the ring's meetings to come on days of its membership. */
  async inviteToUpcomingMeetings(manager: EntityManager, membership: RingMembership, registeredBy: string, now: Date): Promise<Registration[]> {
    const invited: Registration[] = [];
    for (const candidate of await this.upcomingMeetings(manager, membership.ringId, now)) {
      if (!isActiveOn(membership, calendarDateInSweden(candidate.startsAt))) continue;
      const meeting = await this.seats.lockEvent(manager, candidate.id);
      if (meeting.status !== 'scheduled' || hasStarted(meeting, now)) continue;
      const takesPart = await manager.exists(Registration, { where: { eventId: meeting.id, companyId: membership.companyId, status: Not('cancelled') } });
      if (takesPart) continue;
      invited.push(
        await this.seats.book(manager, meeting, { companyId: membership.companyId, participant: { kind: 'unnamed' }, source: 'ring-invitation', registeredBy }, now),
      );
    }
    return invited;
  }

  /** Cancels a leaving company's ring invitations (named or not) to meetings after its last day; freed seats go to the waitlist. */
  async withdrawInvitations(manager: EntityManager, membership: RingMembership, now: Date): Promise<Registration[]> {
    const withdrawn: Registration[] = [];
    for (const candidate of await this.upcomingMeetings(manager, membership.ringId, now)) {
      if (calendarDateInSweden(candidate.startsAt) <= membership.leftOn!) continue;
      const meeting = await this.seats.lockEvent(manager, candidate.id);
      const invitations = await manager.find(Registration, {
        where: { eventId: meeting.id, companyId: membership.companyId, source: 'ring-invitation', status: Not('cancelled') },
      });
      const { cancelled } = await this.seats.cancel(manager, meeting, invitations, 'left-ring', now);
      withdrawn.push(...cancelled.map((c) => c.registration));
    }
    return withdrawn;
  }

  private upcomingMeetings(manager: EntityManager, ringId: string, now: Date): Promise<ProgrammeEvent[]> {
    return manager.find(ProgrammeEvent, { where: { ringId, status: 'scheduled', startsAt: MoreThan(now) }, order: { id: 'ASC' } });
  }
}
