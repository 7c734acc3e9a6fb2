import type {
  CompaniesMerged,
  CompanyRegistered,
  CompanyUpdated,
  ExportFiguresReported,
  IntegrationEventEnvelope,
  RelationshipStageChanged,
} from '@globac/contracts';
import type { EntityManager } from 'typeorm';
import { refreshCountedActivities, refreshExportFigures } from './counted-activities';
import { lastPerKey, lockKeys } from './projection-support';

type Envelopes<T> = readonly IntegrationEventEnvelope<T>[];

/** Company fields kept here, by their name in CompanyChanges and their column. */
const COMPANY_FIELDS = [
  ['orgNumber', 'org_number'],
  ['name', 'name'],
  ['sizeClass', 'size_class'],
  ['sniCode', 'sni_code'],
  ['county', 'county'],
] as const;

/**
 * The companies stream's facts in the read models. Every function is idempotent on its own (applying
 * an event twice changes nothing), so that a rebuild may replay without the inbox.
 */
export const companiesProjection = {
  async registered(events: Envelopes<CompanyRegistered>, manager: EntityManager): Promise<void> {
    const rows = lastPerKey(
      events.map((e) => e.data),
      (c) => c.companyId,
    );
    const ids = rows.map((c) => c.companyId);
    await lockKeys(manager, 'company', ids);
    // A row made earlier by an update keeps the fields that update set (its revision is higher).
    const keep = (field: string, column: string) =>
      `${column} = CASE WHEN company.field_revisions ? '${field}' THEN company.${column} ELSE excluded.${column} END`;
    await manager.query(
      `INSERT INTO company (id, org_number, name, size_class, sni_code, county, registered_at, revision)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::int[])
       ON CONFLICT (id) DO UPDATE SET ${COMPANY_FIELDS.map(([field, column]) => keep(field, column)).join(', ')},
         registered_at = excluded.registered_at, revision = greatest(company.revision, excluded.revision)`,
      [
        ids,
        rows.map((c) => c.orgNumber),
        rows.map((c) => c.name),
        rows.map((c) => c.sizeClass),
        rows.map((c) => c.sniCode),
        rows.map((c) => c.county ?? (c.municipality ? 'Västerbotten' : null)),
        rows.map((c) => c.registeredAt),
        rows.map((c) => c.revision),
      ],
    );
    await manager.query(
      `INSERT INTO company_municipality (company_id, revision, effective_from, municipality, county)
       SELECT * FROM unnest($1::uuid[], $2::int[], $3::timestamptz[], $4::text[], $5::text[])
       ON CONFLICT DO NOTHING`,
      [
        ids,
        rows.map((c) => c.revision),
        rows.map((c) => c.registeredAt),
        rows.map((c) => c.municipality),
        rows.map((c) => c.county ?? (c.municipality ? 'Västerbotten' : null)),
      ],
    );
    await recomputeMunicipalitySpans(manager, ids);
    await refreshCountedActivities(manager, { survivorIds: ids });
  },

  async updated(event: IntegrationEventEnvelope<CompanyUpdated>, manager: EntityManager): Promise<void> {
    const { companyId, changes, revision, effectiveFrom } = event.data;
    await lockKeys(manager, 'company', [companyId]);
    await manager.query('INSERT INTO company (id) VALUES ($1) ON CONFLICT DO NOTHING', [companyId]);
    const [row]: { field_revisions: Record<string, number> }[] = await manager.query('SELECT field_revisions FROM company WHERE id = $1', [companyId]);
    // Field by field: an older update arriving late must not undo a newer one, and must still set the
    // fields the newer one did not touch.
    const fieldRevisions = { ...row.field_revisions };
    const sets: string[] = [];
    const params: unknown[] = [companyId];
    for (const [field, column] of COMPANY_FIELDS) {
      const value = changes[field];
      if (value === undefined || (fieldRevisions[field] ?? 1) >= revision) continue;
      params.push(value);
      sets.push(`${column} = $${params.length}`);
      fieldRevisions[field] = revision;
    }
    params.push(fieldRevisions, revision);
    await manager.query(
      `UPDATE company SET ${[...sets, `field_revisions = $${params.length - 1}`, `revision = greatest(revision, $${params.length})`].join(', ')} WHERE id = $1`,
      params,
    );
    if (changes.municipality !== undefined || changes.county !== undefined) {
      // A change of county alone is a company outside Västerbotten moving between other counties.
      const municipality = changes.municipality ?? null;
      await manager.query(
        `INSERT INTO company_municipality (company_id, revision, effective_from, municipality, county)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
        [companyId, revision, effectiveFrom, municipality, changes.county ?? (municipality ? 'Västerbotten' : null)],
      );
      await recomputeMunicipalitySpans(manager, [companyId]);
      await refreshCountedActivities(manager, { survivorIds: [companyId] });
    }
  },

  async merged(event: IntegrationEventEnvelope<CompaniesMerged>, manager: EntityManager): Promise<void> {
    const { mergedCompanyId, survivingCompanyId, mergedAt } = event.data;
    // Merges are rare; one lock for all of them keeps the survivor mapping consistent across replicas.
    await lockKeys(manager, 'merges', ['all']);
    // The final survivor: the surviving company, or whatever it was merged into since (in any order).
    await manager.query(
      `INSERT INTO company_merge (merged_id, surviving_id, survivor_id, merged_at)
       VALUES ($1, $2, COALESCE((SELECT survivor_id FROM company_merge WHERE merged_id = $2), $2), $3)
       ON CONFLICT (merged_id) DO NOTHING`,
      [mergedCompanyId, survivingCompanyId, mergedAt],
    );
    await manager.query(
      `UPDATE company_merge SET survivor_id = (SELECT survivor_id FROM company_merge WHERE merged_id = $1) WHERE survivor_id = $1`,
      [mergedCompanyId],
    );
    // What counted for the merged company now counts for its survivor, in the survivor's municipality;
    // the survivor's export figures may now come from the duplicate's.
    await refreshCountedActivities(manager, { survivorIds: [mergedCompanyId] });
    await refreshExportFigures(manager, [survivingCompanyId], 'all');
  },

  async exportFiguresReported(events: Envelopes<ExportFiguresReported>, manager: EntityManager): Promise<void> {
    const rows = lastPerKey(
      events.map((e) => e.data).sort((a, b) => a.revision - b.revision),
      (f) => `${f.companyId}:${f.year}`,
    );
    // The highest revision of a company and year stands, whichever arrives last.
    await manager.query(
      `INSERT INTO export_figures (company_id, year, revision, total_turnover_sek, export_turnover_sek, reported_at)
       SELECT * FROM unnest($1::uuid[], $2::int[], $3::int[], $4::bigint[], $5::bigint[], $6::timestamptz[])
       ON CONFLICT (company_id, year) DO UPDATE SET revision = excluded.revision, total_turnover_sek = excluded.total_turnover_sek,
         export_turnover_sek = excluded.export_turnover_sek, reported_at = excluded.reported_at
       WHERE export_figures.revision < excluded.revision`,
      [
        rows.map((f) => f.companyId),
        rows.map((f) => f.year),
        rows.map((f) => f.revision),
        rows.map((f) => f.totalTurnoverSek),
        rows.map((f) => f.exportTurnoverSek),
        rows.map((f) => f.reportedAt),
      ],
    );
    await refreshExportFigures(
      manager,
      rows.map((f) => f.companyId),
      'all',
    );
  },

  async relationshipStageChanged(events: Envelopes<RelationshipStageChanged>, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO relationship_change (fact_id, relationship_id, company_id, partner_id, partner_country, target_region, from_stage, to_stage, changed_at, cause, cause_id)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::timestamptz[], $10::text[], $11::uuid[])
       ON CONFLICT DO NOTHING`,
      [
        events.map((e) => e.id),
        events.map((e) => e.data.relationshipId),
        events.map((e) => e.data.companyId),
        events.map((e) => e.data.partnerId),
        events.map((e) => e.data.partnerCountry),
        events.map((e) => e.data.targetRegion),
        events.map((e) => e.data.fromStage),
        events.map((e) => e.data.toStage),
        events.map((e) => e.data.changedAt),
        events.map((e) => e.data.cause),
        events.map((e) => e.data.causeId),
      ],
    );
  },
};

/**
 * A company's municipality spans from all its rows, ordered by when each took effect (then revision):
 * each lasts until the next; the first reaches back without limit.
 */
async function recomputeMunicipalitySpans(manager: EntityManager, companyIds: readonly string[]): Promise<void> {
  await manager.query(
    `UPDATE company_municipality m SET span_from = s.span_from, span_to = s.span_to
       FROM (SELECT company_id, revision,
                    CASE WHEN row_number() OVER w = 1 THEN '-infinity'::timestamptz ELSE effective_from END AS span_from,
                    COALESCE(lead(effective_from) OVER w, 'infinity'::timestamptz) AS span_to
               FROM company_municipality WHERE company_id = ANY($1::uuid[])
             WINDOW w AS (PARTITION BY company_id ORDER BY effective_from, revision)) s
      WHERE m.company_id = s.company_id AND m.revision = s.revision AND (m.span_from, m.span_to) IS DISTINCT FROM (s.span_from, s.span_to)`,
    [companyIds],
  );
}
