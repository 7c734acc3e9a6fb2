import { ExhibitorAdded } from '@globac/contracts';
import { type Page, type PageQueryDto, toPage } from '@globac/http';
import { OutboxService } from '@globac/messaging';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { checkRules } from '../business-rule';
import { CompanyDirectoryService } from '@globac/company-directory';
import { violatedUniqueConstraint } from '@globac/database';
import { ProgrammeEvent } from '../programme-events/programme-event.entity';
import { EventIsNotCancelled } from '../programme-events/programme-event.rules';
import { ProgrammeEventNotFoundException } from '../programme-events/programme-events.exception';
import type { AddExhibitorDto } from './dto/add-exhibitor.dto';
import { ExhibitorDto } from './dto/exhibitor.dto';
import { ExhibitorsExhibitOnlyAtTradeFairs } from './exhibitor.rules';
import { Exhibitor } from './exhibitor.entity';
import { AlreadyExhibitingException } from './exhibitors.exception';

@Injectable()
export class ExhibitorsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly companies: CompanyDirectoryService,
    private readonly outbox: OutboxService,
  ) {}

  async add(eventId: string, dto: AddExhibitorDto): Promise<ExhibitorDto> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        // A share lock: the fair cannot be cancelled while its exhibitor is added.
        const event = await manager.findOne(ProgrammeEvent, { where: { id: eventId }, lock: { mode: 'pessimistic_read' } });
        if (!event) throw new ProgrammeEventNotFoundException(eventId);
        checkRules(new ExhibitorsExhibitOnlyAtTradeFairs(event), new EventIsNotCancelled(event));
        await this.companies.requireActive(dto.companyId, manager);
        const { identifiers } = await manager.insert(Exhibitor, { eventId, companyId: dto.companyId, products: dto.products, stand: dto.stand ?? null });
        const exhibitor = await manager.findOneByOrFail(Exhibitor, { id: identifiers[0].id as string });
        await this.outbox.add(manager, ExhibitorAdded, {
          exhibitorId: exhibitor.id,
          eventId,
          companyId: exhibitor.companyId,
          products: exhibitor.products,
          stand: exhibitor.stand,
          addedAt: exhibitor.addedAt.toISOString(),
        });
        return ExhibitorDto.from(exhibitor);
      });
    } catch (error) {
      if (violatedUniqueConstraint(error) !== 'exhibitor_once_per_fair') throw error;
      const existing = await this.dataSource.manager.findOneByOrFail(Exhibitor, { eventId, companyId: dto.companyId });
      throw new AlreadyExhibitingException(existing.id);
    }
  }

  async list(eventId: string, query: PageQueryDto): Promise<Page<ExhibitorDto>> {
    const manager = this.dataSource.manager;
    if (!(await manager.exists(ProgrammeEvent, { where: { id: eventId } }))) throw new ProgrammeEventNotFoundException(eventId);
    const [items, total] = await manager.findAndCount(Exhibitor, {
      where: { eventId },
      order: { addedAt: 'ASC', id: 'ASC' },
      skip: query.offset,
      take: query.pageSize,
    });
    return toPage(items.map(ExhibitorDto.from), total, query);
  }
}
