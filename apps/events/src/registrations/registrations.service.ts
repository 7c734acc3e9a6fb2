import { assertCanActForCompany, type Principal } from '@globac/auth';
import { type Page, toPage } from '@globac/http';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, Not } from 'typeorm';
import { checkRules } from '../business-rule';
import { CompanyDirectoryService } from '@globac/company-directory';
import { violatedUniqueConstraint } from '@globac/database';
import { EventIsNotCancelled } from '../programme-events/programme-event.rules';
import { ProgrammeEvent } from '../programme-events/programme-event.entity';
import { ProgrammeEventNotFoundException } from '../programme-events/programme-events.exception';
import type { CreateRegistrationDto } from './dto/create-registration.dto';
import type { ListRegistrationsQueryDto } from './dto/list-registrations.query.dto';
import type { ParticipantDto } from './dto/participant.dto';
import { RegistrationDto } from './dto/registration.dto';
import { Registration } from './registration.entity';
import { RegistrationIsCancelledOnlyBeforeEventStarts, RegistrationIsClosedOnceEventHasStarted, RegistrationIsClosedWhenDeadlinePassed } from './registration.rules';
import { AlreadyRegisteredException, RegistrationNotFoundException } from './registrations.exception';
import { participantColumns, type ParticipantDetails, SeatsService } from './seats.service';

/** The unique indexes that say "this person is already registered for this event" (see the migration). */
const ONE_ACTIVE_REGISTRATION_PER_PERSON = new Set(['registration_contact_once', 'registration_email_once']);

export function toParticipantDetails(dto: ParticipantDto): ParticipantDetails {
  const gender = dto.gender ?? 'undisclosed';
  return dto.contactId ? { kind: 'contact', contactId: dto.contactId, gender } : { kind: 'person', name: dto.name!, email: dto.email ?? null, gender };
}

@Injectable()
export class RegistrationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly seats: SeatsService,
    private readonly companies: CompanyDirectoryService,
  ) {}

  /**
   * Registers a participant: a seat while seats remain, else the waitlist. Serialized per event by the
   * event's row lock; a second active registration of the same person is refused by a unique index.
   */
  async register(eventId: string, dto: CreateRegistrationDto, principal: Principal): Promise<RegistrationDto> {
    assertCanActForCompany(principal, dto.companyId);
    // Outside the event's lock: the company copy does not change with the event.
    await this.companies.requireActive(dto.companyId);
    const participant = toParticipantDetails(dto.participant);
    const now = new Date();
    try {
      const registration = await this.dataSource.transaction(async (manager) => {
        const event = await this.seats.lockEvent(manager, eventId);
        checkRules(
          new EventIsNotCancelled(event),
          new RegistrationIsClosedOnceEventHasStarted(event, now),
          new RegistrationIsClosedWhenDeadlinePassed(event, now),
        );
        if (event.ringId) {
          // A ring member company invited to the meeting names its participant on the invitation's seat.
          const invitation = await manager.findOne(Registration, {
            where: { eventId: event.id, companyId: dto.companyId, participantKind: 'unnamed', status: Not('cancelled') },
          });
          if (invitation) return this.nameParticipant(manager, invitation, participant, principal);
        }
        return this.seats.book(manager, event, { companyId: dto.companyId, participant, source: 'sign-up', registeredBy: principal.subject }, now);
      });
      return RegistrationDto.from(registration);
    } catch (error) {
      throw await this.explainDuplicate(error, eventId, participant);
    }
  }

  async list(eventId: string, query: ListRegistrationsQueryDto): Promise<Page<RegistrationDto>> {
    if (!(await this.dataSource.manager.exists(ProgrammeEvent, { where: { id: eventId } }))) throw new ProgrammeEventNotFoundException(eventId);
    const [items, total] = await this.dataSource.manager.findAndCount(Registration, {
      where: { eventId, ...(query.status ? { status: query.status } : {}), ...(query.companyId ? { companyId: query.companyId } : {}) },
      order: query.status === 'waitlisted' ? { waitlistPosition: 'ASC' } : { registeredAt: 'ASC', id: 'ASC' },
      skip: query.offset,
      take: query.pageSize,
    });
    return toPage(items.map(RegistrationDto.from), total, query);
  }

  async get(eventId: string, registrationId: string, principal: Principal): Promise<RegistrationDto> {
    const registration = await this.dataSource.manager.findOne(Registration, { where: { id: registrationId, eventId } });
    if (!registration) throw new RegistrationNotFoundException(registrationId);
    assertCanActForCompany(principal, registration.companyId);
    return RegistrationDto.from(registration);
  }

  /** Cancels a registration before the event; a seat it frees goes to the first on the waitlist. Cancelling twice changes nothing. */
  async cancel(eventId: string, registrationId: string, principal: Principal): Promise<RegistrationDto> {
    const now = new Date();
    const registration = await this.dataSource.transaction(async (manager) => {
      const event = await this.seats.lockEvent(manager, eventId);
      const registration = await manager.findOne(Registration, { where: { id: registrationId, eventId }, lock: { mode: 'pessimistic_write' } });
      if (!registration) throw new RegistrationNotFoundException(registrationId);
      assertCanActForCompany(principal, registration.companyId);
      if (registration.status === 'cancelled') return registration;
      checkRules(new RegistrationIsCancelledOnlyBeforeEventStarts(event, now));
      await this.seats.cancel(manager, event, [registration], 'participant', now);
      return registration;
    });
    return RegistrationDto.from(registration);
  }

  private async nameParticipant(manager: EntityManager, invitation: Registration, participant: ParticipantDetails, principal: Principal) {
    const columns = { ...participantColumns(participant), registeredBy: principal.subject };
    await manager.update(Registration, { id: invitation.id }, columns);
    return Object.assign(invitation, columns);
  }

  /** A unique-index violation of "one active registration per person" becomes 409 with the existing registration. */
  private async explainDuplicate(error: unknown, eventId: string, participant: ParticipantDetails): Promise<unknown> {
    const constraint = violatedUniqueConstraint(error);
    if (!constraint || !ONE_ACTIVE_REGISTRATION_PER_PERSON.has(constraint)) return error;
    const existing = await this.dataSource.manager
      .createQueryBuilder(Registration, 'r')
      .where('r.event_id = :eventId AND r.status <> :cancelled', { eventId, cancelled: 'cancelled' })
      .andWhere(participant.kind === 'contact' ? 'r.contact_id = :contactId' : 'lower(r.email) = lower(:email)', {
        contactId: participant.kind === 'contact' ? participant.contactId : null,
        email: participant.kind === 'person' ? participant.email : null,
      })
      .getOne();
    return existing ? new AlreadyRegisteredException(existing.id, existing.status) : error;
  }
}
