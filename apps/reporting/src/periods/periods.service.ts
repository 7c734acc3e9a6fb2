import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { freezeCompaniesQuery } from '../indicators/indicators.sql';
import { checkedFilters, IndicatorsService } from '../indicators/indicators.service';
import type { IndicatorsReport, SupportedCompanyRow } from '../report-files';
import type { FrozenPeriodDto, FrozenPeriodSummaryDto } from './dto/period.dto';
import { PeriodNotFoundException } from './periods.exception';

const CURSOR_BATCH = 500;

interface PeriodRow {
  id: string;
  period_from: string;
  period_to: string;
  financier: string | null;
  produced_at: Date;
  frozen_by: string;
  company_count: number;
  report?: IndicatorsReport;
}

/**
 * Frozen periods: the indicators report and its company rows, computed in one snapshot of the read
 * models and stored, so that the period and its downloads answer the same bytes later, whatever
 * events arrive afterwards (even those falling inside the period).
 */
@Injectable()
export class PeriodsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly indicators: IndicatorsService,
  ) {}

  async freeze(input: { from: string; to: string; financier?: string }, frozenBy: string): Promise<FrozenPeriodDto> {
    const filters = checkedFilters(input);
    const id = randomUUID();
    // REPEATABLE READ: the figures and the company rows see the same events.
    const report = await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const computed = await this.indicators.report(filters, manager);
      await manager.query(
        `INSERT INTO frozen_period (id, period_from, period_to, financier, produced_at, frozen_by, report, company_count)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [id, filters.from, filters.to, filters.financier ?? null, computed.producedAt, frozenBy, JSON.stringify(computed), computed.companiesSupported.total],
      );
      const rows = freezeCompaniesQuery(filters, id);
      await manager.query(rows.text, rows.params);
      return computed;
    });
    return {
      id,
      from: filters.from,
      to: filters.to,
      financier: filters.financier ?? null,
      producedAt: report.producedAt,
      frozenBy,
      companies: report.companiesSupported.total,
      report,
    };
  }

  async get(id: string): Promise<FrozenPeriodDto> {
    const [row]: PeriodRow[] = await this.dataSource.query(
      `SELECT id, to_char(period_from, 'YYYY-MM-DD') AS period_from, to_char(period_to, 'YYYY-MM-DD') AS period_to, financier, produced_at, frozen_by,
              company_count, report FROM frozen_period WHERE id = $1`,
      [id],
    );
    if (!row) throw new PeriodNotFoundException(id);
    return { ...summaryOf(row), report: row.report! };
  }

  async list(page: { limit: number; offset: number }): Promise<{ items: FrozenPeriodSummaryDto[]; total: number }> {
    const rows: PeriodRow[] = await this.dataSource.query(
      `SELECT id, to_char(period_from, 'YYYY-MM-DD') AS period_from, to_char(period_to, 'YYYY-MM-DD') AS period_to, financier, produced_at, frozen_by,
              company_count FROM frozen_period ORDER BY produced_at DESC, id LIMIT $1 OFFSET $2`,
      [page.limit, page.offset],
    );
    const [{ total }] = await this.dataSource.query('SELECT count(*)::int AS total FROM frozen_period');
    return { items: rows.map(summaryOf), total };
  }

  /** The frozen company rows in their order, through a cursor. */
  async *companies(id: string): AsyncGenerator<SupportedCompanyRow> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await runner.query('DECLARE frozen_companies NO SCROLL CURSOR FOR SELECT row FROM frozen_period_company WHERE period_id = $1 ORDER BY position', [id]);
      for (;;) {
        const rows: { row: SupportedCompanyRow }[] = await runner.query(`FETCH ${CURSOR_BATCH} FROM frozen_companies`);
        for (const { row } of rows) yield row;
        if (rows.length < CURSOR_BATCH) break;
      }
      await runner.commitTransaction();
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      await runner.release();
    }
  }
}

function summaryOf(row: PeriodRow): FrozenPeriodSummaryDto {
  return {
    id: row.id,
    from: row.period_from,
    to: row.period_to,
    financier: row.financier,
    producedAt: row.produced_at.toISOString(),
    frozenBy: row.frozen_by,
    companies: row.company_count,
  };
}
