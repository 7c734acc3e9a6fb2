import type { Principal } from '@globac/auth';
import { ExportFiguresReported } from '@globac/contracts';
import { type Page, type PageQueryDto, toPage, ValidationFailedException } from '@globac/http';
import { OutboxService } from '@globac/messaging';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CompaniesService } from '../companies/companies.service';
import { ExportFiguresDetailDto, ExportFiguresDto, ExportFiguresRevisionDto } from './dto/export-figures.dto';
import type { PutExportFiguresDto } from './dto/put-export-figures.dto';
import { ExportFigures, ExportFiguresRevision } from './export-figures.entity';
import { ExportFiguresNotFoundException } from './export-figures.exceptions';
import { exportFiguresProblems, sameFigures } from './export-figures.rules';
import { refreshExportStatus } from './export-status';

@Injectable()
export class ExportFiguresService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly companies: CompaniesService,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * Reports a company's figures for a year: the first report is revision 1, each different one a
   * correction with the next revision (the earlier ones kept); the same figures again change nothing.
   */
  async report(companyId: string, year: number, dto: PutExportFiguresDto, principal: Principal): Promise<{ created: boolean; figures: ExportFiguresDetailDto }> {
    const problems = exportFiguresProblems(dto);
    if (problems.length) throw new ValidationFailedException(problems.map((p) => ({ ...p, field: p.field as string })));
    const input = { totalTurnoverSek: dto.totalTurnoverSek, exportTurnoverSek: dto.exportTurnoverSek, exportMarkets: [...dto.exportMarkets].sort() };
    const created = await this.dataSource.transaction(async (manager) => {
      // The company's row lock queues reports of one company, so revisions count up without gaps or races.
      await this.companies.requireActive(manager, companyId, { lock: true });
      const current = await manager.findOneBy(ExportFigures, { companyId, year });
      if (current && sameFigures(current, input)) return false;
      const now = new Date();
      const row = { ...input, revision: (current?.revision ?? 0) + 1, reportedAt: now, reportedBy: principal.subject };
      if (current) await manager.update(ExportFigures, { id: current.id }, row);
      else await manager.insert(ExportFigures, { companyId, year, ...row });
      await manager.insert(ExportFiguresRevision, { companyId, year, ...row });
      await refreshExportStatus(manager, companyId);
      await this.outbox.add(
        manager,
        ExportFiguresReported,
        { companyId, year, ...input, revision: row.revision, reportedAt: now.toISOString() },
        { occurredOn: now },
      );
      return !current;
    });
    return { created, figures: await this.get(companyId, year) };
  }

  async list(companyId: string, query: PageQueryDto): Promise<Page<ExportFiguresDto>> {
    await this.companies.requireActive(this.dataSource.manager, companyId);
    const [rows, total] = await this.dataSource.manager.findAndCount(ExportFigures, {
      where: { companyId },
      order: { year: 'DESC' },
      skip: query.offset,
      take: query.pageSize,
    });
    return toPage(rows.map(ExportFiguresDto.from), total, query);
  }

  async get(companyId: string, year: number): Promise<ExportFiguresDetailDto> {
    await this.companies.requireActive(this.dataSource.manager, companyId);
    const current = await this.dataSource.manager.findOneBy(ExportFigures, { companyId, year });
    if (!current) throw new ExportFiguresNotFoundException(companyId, year);
    const revisions = await this.dataSource.manager.find(ExportFiguresRevision, { where: { companyId, year }, order: { revision: 'ASC' } });
    return { ...ExportFiguresDto.from(current), revisions: revisions.map(ExportFiguresRevisionDto.from) };
  }
}
