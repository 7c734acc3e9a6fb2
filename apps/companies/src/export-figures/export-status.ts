import type { EntityManager } from 'typeorm';

/**
 * Keeps `companies.latest_export_year` and `companies.exporting` equal to the company's latest year of
 * figures, so that the list can filter on exporting without a join over the history. Called in the
 * transaction of every write that changes a company's figures.
 */
export async function refreshExportStatus(manager: EntityManager, companyId: string): Promise<void> {
  await manager.query(
    `UPDATE companies c
        SET latest_export_year = latest.year, exporting = coalesce(latest.export_turnover_sek > 0, false)
       FROM (SELECT $1::uuid AS company_id) k
       LEFT JOIN LATERAL (
         SELECT year, export_turnover_sek FROM export_figures WHERE company_id = k.company_id ORDER BY year DESC LIMIT 1
       ) latest ON true
      WHERE c.id = k.company_id`,
    [companyId],
  );
}
