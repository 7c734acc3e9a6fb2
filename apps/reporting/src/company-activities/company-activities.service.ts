import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PeriodEndsBeforeItStartsException } from '../indicators/indicators.exception';
import { CompanyNotFoundException } from './company-activities.exception';
import type { CompanyActivityDto } from './dto/company-activities.dto';

interface ActivityRow {
  source: 'event' | 'trip';
  kind: string;
  activity_id: string;
  title: string | null;
  day: string;
  attended: boolean;
  hours: string | null;
  cancelled: boolean;
  financier_ids: string[];
  recorded_for: string;
  total: string;
}

/** A company's participation history, with that of the duplicates merged into it. */
@Injectable()
export class CompanyActivitiesService {
  constructor(private readonly dataSource: DataSource) {}

  async list(companyId: string, query: { from?: string; to?: string; limit: number; offset: number }): Promise<{ items: CompanyActivityDto[]; total: number }> {
    if (query.from && query.to && query.from > query.to) throw new PeriodEndsBeforeItStartsException(query.from, query.to);
    const rows = await this.rows(companyId, query);
    if (!rows.length) {
      // A page beyond the end still says how many there are; none at all needs the company to be known.
      const [first] = query.offset > 0 ? await this.rows(companyId, { ...query, limit: 1, offset: 0 }) : [];
      if (first) return { items: [], total: Number(first.total) };
      const [known] = await this.dataSource.query(
        `SELECT 1 FROM company WHERE id = $1 UNION ALL SELECT 1 FROM company_merge WHERE survivor_id = $1 OR merged_id = $1`,
        [companyId],
      );
      if (!known) throw new CompanyNotFoundException(companyId);
      return { items: [], total: 0 };
    }
    return {
      total: Number(rows[0].total),
      items: rows.map((r) => ({
        source: r.source,
        kind: r.kind,
        activityId: r.activity_id,
        title: r.title,
        day: r.day,
        attended: r.attended,
        hours: r.hours === null ? null : Number(r.hours),
        cancelled: r.cancelled,
        counted: r.attended && !r.cancelled,
        financiers: r.financier_ids,
        recordedFor: r.recorded_for,
      })),
    };
  }

  private rows(companyId: string, query: { from?: string; to?: string; limit: number; offset: number }): Promise<ActivityRow[]> {
    return this.dataSource.query(
      `WITH ids AS (SELECT $1::uuid AS id UNION SELECT merged_id FROM company_merge WHERE survivor_id = $1::uuid),
       acts AS (
         SELECT 'event' AS source, a.event_kind AS kind, a.event_id AS activity_id, pe.title, a.event_date AS day, a.attended, a.hours,
                ce.event_id IS NOT NULL AS cancelled, a.financier_ids, a.company_id AS recorded_for
           FROM attendance_record a
           LEFT JOIN programme_event pe ON pe.id = a.event_id
           LEFT JOIN cancelled_event ce ON ce.event_id = a.event_id
          WHERE a.current AND a.company_id IN (SELECT id FROM ids)
         UNION ALL
         SELECT 'trip', 'trip', c.trip_id, tr.title, c.starts_on, true, NULL, ct.trip_id IS NOT NULL, c.financier_ids, t.company_id
           FROM trip_completion c
           JOIN trip_traveller t ON t.fact_id = c.fact_id
           LEFT JOIN trip tr ON tr.id = c.trip_id
           LEFT JOIN cancelled_trip ct ON ct.trip_id = c.trip_id
          WHERE c.current AND t.company_id IN (SELECT id FROM ids))
       SELECT source, kind, activity_id, title, to_char(day, 'YYYY-MM-DD') AS day, attended, hours, cancelled, financier_ids, recorded_for,
              count(*) OVER () AS total
         FROM acts
        WHERE ($2::date IS NULL OR day >= $2::date) AND ($3::date IS NULL OR day <= $3::date)
        ORDER BY day DESC, activity_id, recorded_for
        LIMIT $4 OFFSET $5`,
      [companyId, query.from ?? null, query.to ?? null, query.limit, query.offset],
    );
  }
}
