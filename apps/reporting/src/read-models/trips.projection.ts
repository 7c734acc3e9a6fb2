import type {
  IntegrationEventEnvelope,
  PartnerMeetingHeld,
  TripCancelled,
  TripCompleted,
  TripCompletionCorrected,
  TripPlanned,
} from '@globac/contracts';
import type { EntityManager } from 'typeorm';
import { refreshCountedActivities } from './counted-activities';
import { lastPerKey, lockKeys } from './projection-support';

type Envelopes<T> = readonly IntegrationEventEnvelope<T>[];

/** The trips stream's facts in the read models; every function idempotent on its own (see companiesProjection). */
export const tripsProjection = {
  /** TripPlanned carries no revision: the plan that occurred last stands. */
  async planned(events: Envelopes<TripPlanned>, manager: EntityManager): Promise<void> {
    const rows = lastPerKey(
      [...events].sort((a, b) => a.occurredOn.localeCompare(b.occurredOn)),
      (e) => e.data.tripId,
    );
    await manager.query(
      `INSERT INTO trip (id, title, starts_on, ends_on, destination_countries, target_regions, financier_ids, planned_on)
       SELECT id, title, starts_on, ends_on, ARRAY(SELECT jsonb_array_elements_text(countries)), ARRAY(SELECT jsonb_array_elements_text(regions)),
              ARRAY(SELECT jsonb_array_elements_text(financiers)), planned_on
         FROM unnest($1::uuid[], $2::text[], $3::date[], $4::date[], $5::jsonb[], $6::jsonb[], $7::jsonb[], $8::timestamptz[])
           AS t(id, title, starts_on, ends_on, countries, regions, financiers, planned_on)
       ON CONFLICT (id) DO UPDATE SET title = excluded.title, starts_on = excluded.starts_on, ends_on = excluded.ends_on,
         destination_countries = excluded.destination_countries, target_regions = excluded.target_regions, financier_ids = excluded.financier_ids,
         planned_on = excluded.planned_on
       WHERE trip.planned_on < excluded.planned_on`,
      [
        rows.map((e) => e.data.tripId),
        rows.map((e) => e.data.title),
        rows.map((e) => e.data.startsOn),
        rows.map((e) => e.data.endsOn),
        rows.map((e) => JSON.stringify(e.data.destinationCountries)),
        rows.map((e) => JSON.stringify(e.data.targetRegions)),
        rows.map((e) => JSON.stringify(e.data.financierIds)),
        rows.map((e) => e.occurredOn),
      ],
    );
  },

  async cancelled(events: Envelopes<TripCancelled>, manager: EntityManager): Promise<void> {
    await manager.query(`INSERT INTO cancelled_trip (trip_id, cancelled_at) SELECT * FROM unnest($1::uuid[], $2::timestamptz[]) ON CONFLICT DO NOTHING`, [
      events.map((e) => e.data.tripId),
      events.map((e) => e.data.cancelledAt),
    ]);
    await refreshCountedActivities(manager, { tripIds: events.map((e) => e.data.tripId) });
  },

  /**
   * TripCompleted and TripCompletionCorrected: each record is kept whole with its travellers; per trip,
   * the record no other corrects is current (a correction replaces the whole record, so a company it
   * leaves out no longer counts). Returns the trips whose records were new here, for their reports.
   */
  async completion(events: Envelopes<TripCompleted | TripCompletionCorrected>, manager: EntityManager): Promise<string[]> {
    const tripIds = events.map((e) => e.data.tripId);
    await lockKeys(manager, 'trip', tripIds);
    const inserted: { fact_id: string }[] = await manager.query(
      `INSERT INTO trip_completion (fact_id, corrects_fact_id, trip_id, occurred_on, starts_on, ends_on, destination_countries, target_regions,
                                    financier_ids, completed_at)
       SELECT fact_id, corrects_fact_id, trip_id, occurred_on, starts_on, ends_on, ARRAY(SELECT jsonb_array_elements_text(countries)),
              ARRAY(SELECT jsonb_array_elements_text(regions)), ARRAY(SELECT jsonb_array_elements_text(financiers)), completed_at
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::timestamptz[], $5::date[], $6::date[], $7::jsonb[], $8::jsonb[], $9::jsonb[], $10::timestamptz[])
           AS t(fact_id, corrects_fact_id, trip_id, occurred_on, starts_on, ends_on, countries, regions, financiers, completed_at)
       ON CONFLICT DO NOTHING RETURNING fact_id`,
      [
        events.map((e) => e.id),
        events.map((e) => ('correctsEventId' in e.data ? e.data.correctsEventId.toLowerCase() : null)),
        tripIds,
        events.map((e) => e.occurredOn),
        events.map((e) => e.data.startsOn),
        events.map((e) => e.data.endsOn),
        events.map((e) => JSON.stringify(e.data.destinationCountries)),
        events.map((e) => JSON.stringify(e.data.targetRegions)),
        events.map((e) => JSON.stringify(e.data.financierIds)),
        events.map((e) => e.data.completedAt),
      ],
    );
    const travellers = events.flatMap((e) =>
      lastPerKey(e.data.travellingCompanies, (t) => t.companyId).map((t) => ({ factId: e.id, ...t })),
    );
    await manager.query(
      `INSERT INTO trip_traveller (fact_id, company_id, days_abroad, subsidy_sek)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::bigint[]) ON CONFLICT DO NOTHING`,
      [travellers.map((t) => t.factId), travellers.map((t) => t.companyId), travellers.map((t) => t.daysAbroad), travellers.map((t) => t.subsidySek)],
    );
    await manager.query(
      `WITH heads AS (
         SELECT DISTINCT ON (c.trip_id) c.trip_id, c.fact_id
           FROM trip_completion c
          WHERE c.trip_id = ANY($1::uuid[])
            AND NOT EXISTS (SELECT 1 FROM trip_completion n WHERE n.corrects_fact_id = c.fact_id)
          ORDER BY c.trip_id, c.occurred_on DESC, c.fact_id DESC)
       UPDATE trip_completion r SET current = (r.fact_id = h.fact_id)
         FROM heads h
        WHERE r.trip_id = h.trip_id AND r.current IS DISTINCT FROM (r.fact_id = h.fact_id)`,
      [[...new Set(tripIds)]],
    );
    await refreshCountedActivities(manager, { tripIds });
    const fresh = new Set(inserted.map((row) => row.fact_id));
    return [...new Set(events.filter((e) => fresh.has(e.id)).map((e) => e.data.tripId))];
  },

  async partnerMeetingHeld(events: Envelopes<PartnerMeetingHeld>, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO partner_meeting (meeting_id, trip_id, company_id, partner_id, partner_name, partner_country, held_at, outcome, follow_up_on)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::timestamptz[], $8::text[], $9::date[])
       ON CONFLICT DO NOTHING`,
      [
        events.map((e) => e.data.meetingId),
        events.map((e) => e.data.tripId),
        events.map((e) => e.data.companyId),
        events.map((e) => e.data.partnerId),
        events.map((e) => e.data.partnerName),
        events.map((e) => e.data.partnerCountry),
        events.map((e) => e.data.heldAt),
        events.map((e) => e.data.outcome),
        events.map((e) => e.data.followUpOn),
      ],
    );
  },
};
