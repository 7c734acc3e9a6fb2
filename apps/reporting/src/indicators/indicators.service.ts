import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { IndicatorsReport, SupportedCompanyRow } from '../report-files';
import { INDICATOR_RULES } from './indicator-rules';
import { PeriodEndsBeforeItStartsException } from './indicators.exception';
import {
  type IndicatorFilters,
  indicatorsQuery,
  namedCompaniesPageQuery,
  supportedCompaniesQuery,
  supportedCountQuery,
  unnamedCompaniesPageQuery,
} from './indicators.sql';

export const PROGRAMME = 'Globac';
/** Rows fetched per round trip when a whole list is streamed. */
const CURSOR_BATCH = 500;

interface CompanyRow {
  company_id: string;
  org_number: string | null;
  name: string | null;
  size_class: string | null;
  municipalities: string[];
  activity_kinds: string[];
  total?: string;
}

/** The indicators and the companies behind them, computed in SQL over the read models. */
@Injectable()
export class IndicatorsService {
  constructor(private readonly dataSource: DataSource) {}

  /** The report of a period; `manager` to compute it inside a transaction (a frozen period). */
  async report(input: IndicatorFilters, manager: EntityManager = this.dataSource.manager): Promise<IndicatorsReport> {
    const filters = checkedFilters(input);
    const { text, params } = indicatorsQuery(filters);
    const [{ figures }] = await manager.query(text, params);
    const note = filters.financier || filters.municipality || filters.activityKind ? ` ${INDICATOR_RULES.filtered}` : '';
    const withRule = <T extends object>(figure: T, rule: string) => ({ ...figure, rule: rule + note });
    return {
      programme: PROGRAMME,
      period: { from: filters.from, to: filters.to },
      filters: filtersOf(filters),
      producedAt: new Date().toISOString(),
      companiesSupported: withRule(figures.companiesSupported, INDICATOR_RULES.companiesSupported),
      participations: withRule(figures.participations, INDICATOR_RULES.participations),
      trips: withRule(figures.trips, INDICATOR_RULES.trips),
      exporters: withRule(figures.exporters, INDICATOR_RULES.exporters),
      relationships: withRule(figures.relationships, INDICATOR_RULES.relationships),
      partnerMeetings: withRule(figures.partnerMeetings, INDICATOR_RULES.partnerMeetings),
      exportRings: withRule(figures.exportRings, INDICATOR_RULES.exportRings),
    };
  }

  /**
   * One page of the list: the named companies first (by name, walked along an index, so the first
   * pages never sort every supported company), then those without a name yet, by id.
   */
  async companiesPage(input: IndicatorFilters, page: { limit: number; offset: number }): Promise<{ items: SupportedCompanyRow[]; total: number }> {
    const filters = checkedFilters(input);
    const count = supportedCountQuery(filters);
    const [{ total }] = await this.dataSource.query(count.text, count.params);
    const namedPage = namedCompaniesPageQuery(filters, page);
    const items: CompanyRow[] = await this.dataSource.query(namedPage.text, namedPage.params);
    if (items.length < page.limit && page.offset + items.length < total) {
      // The named companies end on this page (or before it): the rest of it comes from the unnamed ones.
      const probe = unnamedCompaniesPageQuery(filters, { limit: 1, offset: 0 });
      const [first]: (CompanyRow & { named: string })[] = await this.dataSource.query(probe.text, probe.params);
      const named = Number(first?.named ?? total);
      const rest = unnamedCompaniesPageQuery(filters, { limit: page.limit - items.length, offset: Math.max(0, page.offset - named) });
      items.push(...(await this.dataSource.query(rest.text, rest.params)));
    }
    return { items: items.map(toCompanyRow), total };
  }

  /**
   * Every company behind companiesSupported, streamed through a cursor (a few hundred rows at a time),
   * so that a download of 50,000 never holds them all. The cursor's transaction ends with the iteration.
   */
  async *companies(input: IndicatorFilters): AsyncGenerator<SupportedCompanyRow> {
    const filters = checkedFilters(input);
    const { text, params } = supportedCompaniesQuery(filters);
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction('REPEATABLE READ');
      await runner.query(`DECLARE supported_companies NO SCROLL CURSOR FOR ${text}`, params);
      for (;;) {
        const rows: CompanyRow[] = await runner.query(`FETCH ${CURSOR_BATCH} FROM supported_companies`);
        for (const row of rows) yield toCompanyRow(row);
        if (rows.length < CURSOR_BATCH) break;
      }
      await runner.commitTransaction();
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      await runner.release();
    }
  }
}

export function checkedFilters(filters: IndicatorFilters): IndicatorFilters {
  if (filters.from > filters.to) throw new PeriodEndsBeforeItStartsException(filters.from, filters.to);
  return { from: filters.from, to: filters.to, financier: filters.financier, municipality: filters.municipality, activityKind: filters.activityKind };
}

export function filtersOf(filters: IndicatorFilters): IndicatorsReport['filters'] {
  const out: IndicatorsReport['filters'] = {};
  if (filters.financier) out.financier = filters.financier;
  if (filters.municipality) out.municipality = filters.municipality;
  if (filters.activityKind) out.activityKind = filters.activityKind;
  return out;
}

function toCompanyRow(row: CompanyRow): SupportedCompanyRow {
  return {
    companyId: row.company_id,
    orgNumber: row.org_number ?? '',
    // A company whose CompanyRegistered has not arrived yet is listed by its id until it does.
    name: row.name ?? `(${row.company_id})`,
    sizeClass: row.size_class,
    municipality: row.municipalities.join(', '),
    activityKinds: row.activity_kinds,
  };
}
