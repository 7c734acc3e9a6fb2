import type { IntegrationEventEnvelope, TripCompletionRecord } from '@globac/contracts';
import type { EntityManager } from 'typeorm';
import type { TripReport } from './trip-report';

/**
 * Produces one trip report per trigger (a TripCompleted or TripCompletionCorrected), from the read
 * models as they are in the trigger's transaction: the trip's current completion record, its
 * travellers (under their surviving company), its partner meetings. Keyed by the trigger's event id,
 * so a redelivery or a replay never makes a second one. The trip's lock is held by the projection.
 */
export async function produceTripReports(manager: EntityManager, triggers: readonly IntegrationEventEnvelope<TripCompletionRecord>[]): Promise<void> {
  for (const trigger of triggers) {
    const [exists] = await manager.query('SELECT 1 FROM trip_report WHERE trigger_event_id = $1', [trigger.id]);
    if (exists) continue;
    const report = await buildTripReport(manager, trigger.data.tripId);
    if (!report) continue;
    await manager.query(
      `INSERT INTO trip_report (trigger_event_id, trip_id, revision, produced_at, report)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (trigger_event_id) DO NOTHING`,
      [trigger.id, report.tripId, report.revision, report.producedAt, JSON.stringify(report)],
    );
  }
}

async function buildTripReport(manager: EntityManager, tripId: string): Promise<TripReport | undefined> {
  const [completion]: {
    starts_on: string;
    ends_on: string;
    destination_countries: string[];
    target_regions: string[];
    financier_ids: string[];
    fact_id: string;
    title: string | null;
    revision: number;
    produced_at: Date;
  }[] = await manager.query(
    `SELECT c.fact_id, to_char(c.starts_on, 'YYYY-MM-DD') AS starts_on, to_char(c.ends_on, 'YYYY-MM-DD') AS ends_on, c.destination_countries,
            c.target_regions, c.financier_ids, t.title,
            (SELECT COALESCE(max(revision), 0) + 1 FROM trip_report WHERE trip_id = c.trip_id) AS revision, date_trunc('milliseconds', clock_timestamp()) AS produced_at
       FROM trip_completion c LEFT JOIN trip t ON t.id = c.trip_id
      WHERE c.trip_id = $1 AND c.current`,
    [tripId],
  );
  if (!completion) return undefined;
  const travellers: { company_id: string; org_number: string | null; name: string | null; days_abroad: number; subsidy_sek: string }[] =
    await manager.query(
      `SELECT COALESCE(m.survivor_id, tt.company_id) AS company_id, c.org_number, c.name, tt.days_abroad, tt.subsidy_sek
         FROM trip_traveller tt
         LEFT JOIN company_merge m ON m.merged_id = tt.company_id
         LEFT JOIN company c ON c.id = COALESCE(m.survivor_id, tt.company_id)
        WHERE tt.fact_id = $1
        ORDER BY c.name NULLS LAST, 1`,
      [completion.fact_id],
    );
  const meetings: {
    meeting_id: string;
    company_id: string;
    partner_name: string | null;
    partner_country: string;
    held_at: Date;
    outcome: string;
    follow_up_on: string | null;
  }[] = await manager.query(
    `SELECT pm.meeting_id, COALESCE(m.survivor_id, pm.company_id) AS company_id, pm.partner_name, pm.partner_country, pm.held_at, pm.outcome,
            to_char(pm.follow_up_on, 'YYYY-MM-DD') AS follow_up_on
       FROM partner_meeting pm LEFT JOIN company_merge m ON m.merged_id = pm.company_id
      WHERE pm.trip_id = $1
      ORDER BY pm.held_at, pm.meeting_id`,
    [tripId],
  );
  const countries = completion.destination_countries;
  const meetingsByOutcome: Record<string, number> = {};
  for (const meeting of meetings) meetingsByOutcome[meeting.outcome] = (meetingsByOutcome[meeting.outcome] ?? 0) + 1;
  const travellingCompanies = travellers.map((t) => ({
    companyId: t.company_id,
    orgNumber: t.org_number,
    name: t.name,
    daysAbroad: t.days_abroad,
    subsidySek: Number(t.subsidy_sek),
  }));
  return {
    tripId,
    title: completion.title ?? `Trip ${tripId}`,
    startsOn: completion.starts_on,
    endsOn: completion.ends_on,
    producedAt: completion.produced_at.toISOString(),
    revision: completion.revision,
    // Target regions are codes without a country here: paired with the country only when there is one.
    destinations: countries.map((country) => ({
      country,
      targetRegion: countries.length === 1 && completion.target_regions.length ? completion.target_regions.join(', ') : null,
      city: null,
    })),
    targetRegions: completion.target_regions,
    financiers: completion.financier_ids,
    travellingCompanies,
    meetings: meetings.map((m) => ({
      meetingId: m.meeting_id,
      companyId: m.company_id,
      partnerName: m.partner_name,
      partnerCountry: m.partner_country,
      heldAt: m.held_at.toISOString(),
      outcome: m.outcome,
      followUpOn: m.follow_up_on,
    })),
    totals: {
      travellingCompanies: new Set(travellingCompanies.map((t) => t.companyId)).size,
      subsidySek: travellingCompanies.reduce((sum, t) => sum + t.subsidySek, 0),
      meetingsByOutcome,
    },
  };
}
