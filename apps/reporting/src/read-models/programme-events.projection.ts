import type {
  AttendanceCorrected,
  EventCancelled,
  ExportRingMembershipChanged,
  IntegrationEventEnvelope,
  ParticipantAttended,
  ProgrammeEventDetails,
} from '@globac/contracts';
import type { EntityManager } from 'typeorm';
import { refreshCountedActivities } from './counted-activities';
import { lastPerKey, lockKeys } from './projection-support';

type Envelopes<T> = readonly IntegrationEventEnvelope<T>[];

/** The events stream's facts in the read models; every function idempotent on its own (see companiesProjection). */
export const programmeEventsProjection = {
  /** EventScheduled and EventUpdated: the whole event, the highest revision stands. */
  async details(events: Envelopes<ProgrammeEventDetails>, manager: EntityManager): Promise<void> {
    const rows = lastPerKey(
      events.map((e) => e.data).sort((a, b) => a.revision - b.revision),
      (d) => d.eventId,
    );
    await manager.query(
      `INSERT INTO programme_event (id, kind, topic, title, starts_at, ends_at, municipality, ring_id, financier_ids, revision)
       SELECT id, kind, topic, title, starts_at, ends_at, municipality, ring_id,
              ARRAY(SELECT jsonb_array_elements_text(financiers)), revision
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[], $7::text[], $8::uuid[], $9::jsonb[], $10::int[])
           AS t(id, kind, topic, title, starts_at, ends_at, municipality, ring_id, financiers, revision)
       ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, topic = excluded.topic, title = excluded.title, starts_at = excluded.starts_at,
         ends_at = excluded.ends_at, municipality = excluded.municipality, ring_id = excluded.ring_id, financier_ids = excluded.financier_ids,
         revision = excluded.revision
       WHERE programme_event.revision < excluded.revision`,
      [
        rows.map((d) => d.eventId),
        rows.map((d) => d.kind),
        rows.map((d) => d.topic),
        rows.map((d) => d.title),
        rows.map((d) => d.startsAt),
        rows.map((d) => d.endsAt),
        rows.map((d) => d.municipality),
        rows.map((d) => d.ringId),
        rows.map((d) => JSON.stringify(d.financierIds)),
        rows.map((d) => d.revision),
      ],
    );
  },

  async cancelled(events: Envelopes<EventCancelled>, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO cancelled_event (event_id, cancelled_at) SELECT * FROM unnest($1::uuid[], $2::timestamptz[]) ON CONFLICT DO NOTHING`,
      [events.map((e) => e.data.eventId), events.map((e) => e.data.cancelledAt)],
    );
    await refreshCountedActivities(manager, { eventIds: events.map((e) => e.data.eventId) });
  },

  /**
   * ParticipantAttended and AttendanceCorrected: every fact is kept by its event id; then, per
   * registration touched, the one no other fact corrects becomes current. A correction arriving before
   * what it corrects, or twice, gives the same current fact.
   */
  async attendance(events: Envelopes<ParticipantAttended | AttendanceCorrected>, manager: EntityManager): Promise<void> {
    const registrationIds = events.map((e) => e.data.registrationId);
    await lockKeys(manager, 'registration', registrationIds);
    await manager.query(
      `INSERT INTO attendance_record (fact_id, corrects_fact_id, registration_id, occurred_on, event_id, event_kind, topic, event_date,
                                      company_id, hours, gender, financier_ids, attended)
       SELECT fact_id, corrects_fact_id, registration_id, occurred_on, event_id, event_kind, topic, event_date, company_id, hours, gender,
              ARRAY(SELECT jsonb_array_elements_text(financiers)), attended
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::timestamptz[], $5::uuid[], $6::text[], $7::text[], $8::date[], $9::uuid[],
                     $10::numeric[], $11::text[], $12::jsonb[], $13::boolean[])
           AS t(fact_id, corrects_fact_id, registration_id, occurred_on, event_id, event_kind, topic, event_date, company_id, hours, gender,
                financiers, attended)
       ON CONFLICT DO NOTHING`,
      [
        events.map((e) => e.id),
        events.map((e) => ('correctsEventId' in e.data ? e.data.correctsEventId.toLowerCase() : null)),
        registrationIds,
        events.map((e) => e.occurredOn),
        events.map((e) => e.data.eventId),
        events.map((e) => e.data.eventKind),
        events.map((e) => e.data.topic),
        events.map((e) => e.data.eventDate),
        events.map((e) => e.data.companyId),
        events.map((e) => e.data.hours),
        events.map((e) => e.data.participantGender),
        events.map((e) => JSON.stringify(e.data.financierIds)),
        events.map((e) => e.data.attended),
      ],
    );
    await manager.query(
      `WITH heads AS (
         SELECT DISTINCT ON (a.registration_id) a.registration_id, a.fact_id
           FROM attendance_record a
          WHERE a.registration_id = ANY($1::uuid[])
            AND NOT EXISTS (SELECT 1 FROM attendance_record c WHERE c.corrects_fact_id = a.fact_id)
          ORDER BY a.registration_id, a.occurred_on DESC, a.fact_id DESC)
       UPDATE attendance_record r SET current = (r.fact_id = h.fact_id)
         FROM heads h
        WHERE r.registration_id = h.registration_id AND r.current IS DISTINCT FROM (r.fact_id = h.fact_id)`,
      [[...new Set(registrationIds)]],
    );
    await refreshCountedActivities(manager, { registrationIds });
  },

  /** A membership's first day comes with `joined`, its last with `left`, in either order. */
  async ringMembershipChanged(events: Envelopes<ExportRingMembershipChanged>, manager: EntityManager): Promise<void> {
    // One statement per kind of change: Postgres refuses to upsert one row twice in a statement.
    for (const change of ['joined', 'left'] as const) {
      const rows = lastPerKey(
        events.map((e) => e.data).filter((m) => m.change === change),
        (m) => m.membershipId,
      );
      if (!rows.length) continue;
      const column = change === 'joined' ? 'joined_on' : 'left_on';
      await manager.query(
        `INSERT INTO ring_membership AS m (membership_id, ring_id, ring_kind, company_id, ${column})
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $5::date[])
         ON CONFLICT (membership_id) DO UPDATE SET ${column} = excluded.${column}`,
        [rows.map((m) => m.membershipId), rows.map((m) => m.ringId), rows.map((m) => m.ringKind), rows.map((m) => m.companyId), rows.map((m) => m.effectiveOn)],
      );
    }
  },
};
