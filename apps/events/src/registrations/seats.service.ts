import { type Gender, ParticipantCancelled, ParticipantPromoted, ParticipantRegistered } from '@globac/contracts';
import { OutboxService } from '@globac/messaging';
import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { ProgrammeEvent } from '../programme-events/programme-event.entity';
import { ProgrammeEventNotFoundException } from '../programme-events/programme-events.exception';
import { type CancelReason, Registration, type RegistrationSource } from './registration.entity';
import { allocateSeat, seatsToPromote } from './registration.rules';

export type ParticipantDetails =
  | { kind: 'contact'; contactId: string; gender: Gender }
  | { kind: 'person'; name: string; email: string | null; gender: Gender }
  | { kind: 'unnamed' };

export interface NewRegistration {
  companyId: string;
  participant: ParticipantDetails;
  source: RegistrationSource;
  registeredBy: string;
}

/** A waitlisted registration that got a seat, and the cancelled registration whose seat it took (if any). */
export interface Promotion {
  registration: Registration;
  replaces: string | null;
}

export interface SeatChanges {
  cancelled: { registration: Registration; wasWaitlisted: boolean }[];
  promotions: Promotion[];
}

/** The registration columns that describe its participant. */
export function participantColumns(participant: ParticipantDetails): Pick<Registration, 'participantKind' | 'contactId' | 'name' | 'email' | 'gender'> {
  switch (participant.kind) {
    case 'contact':
      return { participantKind: 'contact', contactId: participant.contactId, name: null, email: null, gender: participant.gender };
    case 'person':
      return { participantKind: 'person', contactId: null, name: participant.name, email: participant.email, gender: participant.gender };
    case 'unnamed':
      return { participantKind: 'unnamed', contactId: null, name: null, email: null, gender: 'undisclosed' };
  }
}

/**
 * Seats and the waitlist of one event. Every method works on an event locked with `lockEvent` in the
 * caller's transaction: the row lock serializes all seat changes of the event across replicas, so the
 * counters read under it are exact, and waitlist positions are handed out in order without gaps.
 */
@Injectable()
export class SeatsService {
  constructor(private readonly outbox: OutboxService) {}

  /** Locks the event's row until the transaction ends (FOR NO KEY UPDATE: foreign-key checks on it still pass). */
  async lockEvent(manager: EntityManager, eventId: string): Promise<ProgrammeEvent> {
    const event = await manager.findOne(ProgrammeEvent, { where: { id: eventId }, lock: { mode: 'for_no_key_update' } });
    if (!event) throw new ProgrammeEventNotFoundException(eventId);
    return event;
  }

  /** A seat if one is free, else the next place on the waitlist. */
  async book(manager: EntityManager, event: ProgrammeEvent, request: NewRegistration, now: Date): Promise<Registration> {
    const seat = allocateSeat(event);
    const registration = manager.create(Registration, {
      eventId: event.id,
      companyId: request.companyId,
      ...participantColumns(request.participant),
      source: request.source,
      status: seat.status,
      waitlistPosition: seat.waitlistPosition,
      registeredAt: now,
      registeredBy: request.registeredBy,
      promotedAt: null,
      cancelledAt: null,
      cancelReason: null,
      attended: null,
      hours: null,
      attendanceRecordedAt: null,
      attendanceEventId: null,
      personalDataErasedAt: null,
    });
    if (seat.status === 'registered') event.registeredCount += 1;
    else {
      event.waitlistedCount += 1;
      event.waitlistSeq = seat.waitlistPosition;
    }
    // One statement for the registration and the counters: the event's lock is held from here to the
    // commit, and every round trip under it is time no other registration of the event can use.
    const [{ id }] = await manager.query(
      `WITH counters AS (UPDATE programme_event SET registered_count = $13, waitlisted_count = $14, waitlist_seq = $15 WHERE id = $1)
       INSERT INTO registration (event_id, company_id, participant_kind, contact_id, name, email, gender, source, status, waitlist_position, registered_at, registered_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        event.id,
        registration.companyId,
        registration.participantKind,
        registration.contactId,
        registration.name,
        registration.email,
        registration.gender,
        registration.source,
        registration.status,
        registration.waitlistPosition,
        now,
        registration.registeredBy,
        event.registeredCount,
        event.waitlistedCount,
        event.waitlistSeq,
      ],
    );
    registration.id = id as string;
    await this.outbox.add(manager, ParticipantRegistered, {
      registrationId: registration.id,
      eventId: event.id,
      companyId: registration.companyId,
      contactId: registration.contactId,
      participantGender: registration.gender,
      waitlisted: seat.status === 'waitlisted',
      registeredAt: now.toISOString(),
    });
    return registration;
  }

  /**
   * Cancels active registrations of the event and gives the seats they free to the first on the
   * waitlist, in the same transaction. When the event itself is cancelled nobody is promoted, and
   * EventCancelled (written by the caller) stands for the cancelled registrations.
   */
  async cancel(manager: EntityManager, event: ProgrammeEvent, registrations: Registration[], reason: CancelReason, now: Date): Promise<SeatChanges> {
    const active = registrations.filter((r) => r.status !== 'cancelled');
    if (!active.length) return { cancelled: [], promotions: [] };
    const freedSeats = active.filter((r) => r.status === 'registered').map((r) => r.id);
    const cancelled = active.map((r) => ({ registration: r, wasWaitlisted: r.status === 'waitlisted' }));
    await manager.update(Registration, { id: In(active.map((r) => r.id)) }, { status: 'cancelled', cancelledAt: now, cancelReason: reason });
    for (const r of active) Object.assign(r, { status: 'cancelled', cancelledAt: now, cancelReason: reason });
    event.registeredCount -= freedSeats.length;
    event.waitlistedCount -= cancelled.filter((c) => c.wasWaitlisted).length;
    // Each promoted registration takes the seat of one cancelled one, in order.
    const promoted = reason === 'event-cancelled' ? [] : await this.promoteFirst(manager, event, now);
    await this.saveCounters(manager, event);
    if (reason === 'event-cancelled') return { cancelled, promotions: [] };
    await this.outbox.addMany(
      manager,
      ParticipantCancelled,
      cancelled.map(({ registration, wasWaitlisted }) => ({
        data: { registrationId: registration.id, eventId: event.id, companyId: registration.companyId, wasWaitlisted, cancelledAt: now.toISOString() },
      })),
    );
    const promotions = promoted.map((registration, i) => ({ registration, replaces: freedSeats[i] ?? null }));
    await this.announcePromotions(manager, event, promotions, now);
    return { cancelled, promotions };
  }

  /** Moves the first of the waitlist, in order, into the seats that are free (after the capacity was raised). */
  async promote(manager: EntityManager, event: ProgrammeEvent, now: Date): Promise<Promotion[]> {
    const promotions = (await this.promoteFirst(manager, event, now)).map((registration) => ({ registration, replaces: null }));
    if (!promotions.length) return [];
    await this.saveCounters(manager, event);
    await this.announcePromotions(manager, event, promotions, now);
    return promotions;
  }

  /** Promotes in memory and in the registrations; the caller saves the counters. */
  private async promoteFirst(manager: EntityManager, event: ProgrammeEvent, now: Date): Promise<Registration[]> {
    const count = seatsToPromote(event);
    if (count === 0) return [];
    const promoted = await manager.find(Registration, {
      where: { eventId: event.id, status: 'waitlisted' },
      order: { waitlistPosition: 'ASC' },
      take: count,
    });
    await manager.update(Registration, { id: In(promoted.map((r) => r.id)) }, { status: 'registered', promotedAt: now });
    for (const r of promoted) Object.assign(r, { status: 'registered', promotedAt: now });
    event.registeredCount += promoted.length;
    event.waitlistedCount -= promoted.length;
    return promoted;
  }

  private async announcePromotions(manager: EntityManager, event: ProgrammeEvent, promotions: Promotion[], now: Date) {
    await this.outbox.addMany(
      manager,
      ParticipantPromoted,
      promotions.map(({ registration, replaces }) => ({
        data: {
          registrationId: registration.id,
          eventId: event.id,
          companyId: registration.companyId,
          replacesRegistrationId: replaces,
          promotedAt: now.toISOString(),
        },
      })),
    );
  }

  private async saveCounters(manager: EntityManager, event: ProgrammeEvent): Promise<void> {
    await manager.query('UPDATE programme_event SET registered_count = $2, waitlisted_count = $3, waitlist_seq = $4 WHERE id = $1', [
      event.id,
      event.registeredCount,
      event.waitlistedCount,
      event.waitlistSeq,
    ]);
  }
}
