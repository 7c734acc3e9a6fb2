import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { TripReport } from './trip-report';
import { TripReportNotFoundException } from './trip-reports.exception';

/** Trip reports as produced by the trips handler, one per completion or correction. */
@Injectable()
export class TripReportsService {
  constructor(private readonly dataSource: DataSource) {}

  async get(tripId: string, revision?: number): Promise<TripReport> {
    const [row]: { report: TripReport }[] = await this.dataSource.query(
      `SELECT report FROM trip_report WHERE trip_id = $1 AND ($2::int IS NULL OR revision = $2) ORDER BY revision DESC LIMIT 1`,
      [tripId, revision ?? null],
    );
    if (!row) throw new TripReportNotFoundException(tripId, revision);
    return row.report;
  }
}
