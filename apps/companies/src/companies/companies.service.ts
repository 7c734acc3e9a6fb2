import { hasRole, type Principal } from '@globac/auth';
import { type CompanyChanges, CompanyRegistered, CompanyUpdated } from '@globac/contracts';
import { type Page, toPage, ValidationFailedException } from '@globac/http';
import { OutboxService } from '@globac/messaging';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { isUniqueViolation } from '@globac/database';
import { isSeatProblem, resolveSeat, type Seat } from '../reference-data/municipality.rules';
import {
  CompanyMergedException,
  CompanyNotFoundException,
  DuplicateOrgNumberException,
  OrgNumberChangeNotAllowedException,
} from './companies.exceptions';
import { companyRegisteredEvent } from './company-events';
import { CompanyMunicipalityPeriod } from './company-municipality-period.entity';
import { Company } from './company.entity';
import { CompanyDetailDto, CompanyDto, MunicipalityPeriodDto } from './dto/company.dto';
import type { CreateCompanyDto } from './dto/create-company.dto';
import type { CompanySort, ListCompaniesQueryDto } from './dto/list-companies-query.dto';
import type { UpdateCompanyDto } from './dto/update-company.dto';
import { orgNumberSearchDigits } from './org-number';
import { sizeClassOf } from './size-class';

const ORG_NUMBER_KEY = 'companies_org_number_key';

const SORT_COLUMNS: Record<string, string> = { name: 'c.name', orgNumber: 'c.orgNumber', registeredAt: 'c.registeredAt' };

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** `%` and `_` typed by a user are letters to find, not wildcards. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

@Injectable()
export class CompaniesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  async register(dto: CreateCompanyDto): Promise<CompanyDetailDto> {
    const seat = this.seatOrFail(resolveSeat(dto.municipality, dto.county));
    // No pre-check of the org number: the unique index decides, and a violation is answered with the existing id.
    return this.mapOrgNumberRace(dto.orgNumber, () =>
      this.dataSource.transaction(async (manager) => {
        const now = new Date();
        const company = manager.create(Company, {
          orgNumber: dto.orgNumber,
          name: dto.name,
          municipality: seat.municipality,
          county: seat.county,
          sniCode: dto.sniCode ?? null,
          employees: dto.employees ?? null,
          sizeClass: sizeClassOf(dto.employees),
          website: dto.website ?? null,
          description: dto.description ?? null,
          exporting: false,
          latestExportYear: null,
          mergedIntoId: null,
          mergedAt: null,
          revision: 1,
          registeredAt: now,
          updatedAt: now,
        });
        await manager.insert(Company, company);
        const period = manager.create(CompanyMunicipalityPeriod, {
          companyId: company.id,
          municipality: seat.municipality,
          county: seat.county,
          validFrom: now,
          validTo: null,
        });
        await manager.insert(CompanyMunicipalityPeriod, period);
        await this.outbox.add(manager, CompanyRegistered, companyRegisteredEvent(company), { occurredOn: now });
        return { ...CompanyDto.from(company), municipalityHistory: [MunicipalityPeriodDto.from(period)] };
      }),
    );
  }

  async list(query: ListCompaniesQueryDto): Promise<Page<CompanyDto>> {
    const filtered = this.dataSource.getRepository(Company).createQueryBuilder('c').where('c.mergedIntoId IS NULL');
    if (query.municipality === 'outside-county') filtered.andWhere('c.municipality IS NULL');
    else if (query.municipality) filtered.andWhere('c.municipality = :municipality', { municipality: query.municipality });
    if (query.sizeClass) filtered.andWhere('c.sizeClass = :sizeClass', { sizeClass: query.sizeClass });
    if (query.sni) filtered.andWhere('c.sniCode LIKE :sni', { sni: `${escapeLike(query.sni)}%` });
    if (query.exporting !== undefined) filtered.andWhere('c.exporting = :exporting', { exporting: query.exporting });
    if (query.q?.trim()) {
      const text = query.q.trim();
      const digits = orgNumberSearchDigits(text);
      if (digits) {
        filtered.andWhere("(c.name ILIKE :like OR replace(c.orgNumber, '-', '') LIKE :digits)", {
          like: `%${escapeLike(text)}%`,
          digits: `%${digits}%`,
        });
      } else {
        filtered.andWhere('c.name ILIKE :like', { like: `%${escapeLike(text)}%` });
      }
    }
    const [column, direction] = this.sortOf(query.sort);
    const [companies, counted] = await Promise.all([
      filtered.clone().orderBy(column, direction).addOrderBy('c.id', direction).offset(query.offset).limit(query.pageSize).getMany(),
      filtered.clone().select('count(*)::int', 'total').getRawOne<{ total: number }>(),
    ]);
    return toPage(companies.map(CompanyDto.from), counted?.total ?? 0, query);
  }

  async get(id: string): Promise<CompanyDetailDto> {
    const company = await this.requireActive(this.dataSource.manager, id);
    const periods = await this.dataSource.manager.find(CompanyMunicipalityPeriod, { where: { companyId: id }, order: { validFrom: 'ASC' } });
    return { ...CompanyDto.from(company), municipalityHistory: periods.map(MunicipalityPeriodDto.from) };
  }

  async update(id: string, dto: UpdateCompanyDto, principal: Principal): Promise<CompanyDetailDto> {
    if (dto.orgNumber !== undefined && !hasRole(principal, 'admin', 'staff')) throw new OrgNumberChangeNotAllowedException();
    const now = new Date();
    const effectiveFrom = dto.effectiveFrom ? new Date(dto.effectiveFrom) : now;
    if (effectiveFrom > now) {
      throw new ValidationFailedException([{ field: 'effectiveFrom', rule: 'notInFuture', message: 'must not be in the future' }]);
    }
    await this.mapOrgNumberRace(dto.orgNumber, () =>
      this.dataSource.transaction(async (manager) => {
        const company = await this.requireActive(manager, id, { lock: true });
        const changes: Writable<CompanyChanges> = {};
        let changed = false;

        if (dto.orgNumber !== undefined && dto.orgNumber !== company.orgNumber) {
          await this.assertOrgNumberFree(manager, dto.orgNumber);
          company.orgNumber = changes.orgNumber = dto.orgNumber;
        }
        if (dto.name !== undefined && dto.name !== company.name) company.name = changes.name = dto.name;
        if (dto.municipality !== undefined || dto.county !== undefined) {
          const seat = this.seatOrFail(resolveSeat(dto.municipality ?? company.municipality ?? 'outside-county', this.countyFor(company, dto)));
          if (seat.municipality !== company.municipality || seat.county !== company.county) {
            await this.move(manager, company, seat, effectiveFrom);
            if (seat.municipality !== company.municipality) changes.municipality = seat.municipality;
            if (seat.county !== company.county) changes.county = seat.county;
            company.municipality = seat.municipality;
            company.county = seat.county;
          }
        }
        if (dto.sniCode !== undefined && dto.sniCode !== company.sniCode) company.sniCode = changes.sniCode = dto.sniCode;
        if (dto.employees !== undefined && dto.employees !== company.employees) {
          company.employees = changes.employees = dto.employees;
          const sizeClass = sizeClassOf(dto.employees);
          if (sizeClass !== company.sizeClass) company.sizeClass = changes.sizeClass = sizeClass;
        }
        if (dto.website !== undefined && dto.website !== company.website) company.website = changes.website = dto.website;
        if (dto.description !== undefined && dto.description !== company.description) {
          // Free text stays here: a change of it alone is not published and does not count as a revision.
          company.description = dto.description;
          changed = true;
        }

        const published = Object.keys(changes).length > 0;
        if (!published && !changed) return;
        if (published) company.revision += 1;
        company.updatedAt = now;
        await manager.save(company);
        if (published) {
          await this.outbox.add(
            manager,
            CompanyUpdated,
            { companyId: company.id, changes, effectiveFrom: effectiveFrom.toISOString(), revision: company.revision },
            { occurredOn: now },
          );
        }
      }),
    );
    return this.get(id);
  }

  /**
   * The company, which must exist and not have been merged into another (410 with a pointer to it).
   * With `lock`, the row is locked until the transaction ends, so that writes to one company queue up.
   */
  async requireActive(manager: EntityManager, id: string, options: { lock?: boolean } = {}): Promise<Company> {
    const query = manager.getRepository(Company).createQueryBuilder('c').where('c.id = :id', { id });
    if (options.lock) query.setLock('pessimistic_write');
    const company = await query.getOne();
    if (!company) throw new CompanyNotFoundException(id);
    if (company.mergedIntoId) throw new CompanyMergedException(id, company.mergedIntoId);
    return company;
  }

  /** A move: the current period ends when the new one starts. A move dated at the start of the current period corrects it. */
  private async move(manager: EntityManager, company: Company, seat: Seat, effectiveFrom: Date) {
    const current = await manager.findOneByOrFail(CompanyMunicipalityPeriod, { companyId: company.id, validTo: IsNull() });
    if (effectiveFrom < current.validFrom) {
      throw new ValidationFailedException([
        {
          field: 'effectiveFrom',
          rule: 'afterCurrentMunicipality',
          message: `must not be before ${current.validFrom.toISOString()}, when the current municipality took effect`,
        },
      ]);
    }
    if (effectiveFrom.getTime() === current.validFrom.getTime()) {
      await manager.update(CompanyMunicipalityPeriod, { id: current.id }, { municipality: seat.municipality, county: seat.county });
      return;
    }
    await manager.update(CompanyMunicipalityPeriod, { id: current.id }, { validTo: effectiveFrom });
    await manager.insert(CompanyMunicipalityPeriod, {
      companyId: company.id,
      municipality: seat.municipality,
      county: seat.county,
      validFrom: effectiveFrom,
      validTo: null,
    });
  }

  /** The county to check a new seat against: the one given, else the current one while the company stays outside the county. */
  private countyFor(company: Company, dto: UpdateCompanyDto): string | undefined {
    if (dto.county !== undefined) return dto.county;
    const staysOutside = (dto.municipality === undefined || dto.municipality === 'outside-county') && company.municipality === null;
    return staysOutside ? company.county : undefined;
  }

  private seatOrFail(result: ReturnType<typeof resolveSeat>): Seat {
    if (isSeatProblem(result)) throw new ValidationFailedException([{ field: result.field, rule: 'seat', message: result.message }]);
    return result;
  }

  private sortOf(sort: CompanySort): [string, 'ASC' | 'DESC'] {
    const descending = sort.startsWith('-');
    return [SORT_COLUMNS[descending ? sort.slice(1) : sort], descending ? 'DESC' : 'ASC'];
  }

  private async assertOrgNumberFree(manager: EntityManager, orgNumber: string) {
    const existing = await manager.findOne(Company, { where: { orgNumber }, select: { id: true, mergedIntoId: true } });
    // A merged duplicate's number still belongs to the firm: point at the company it lives on in.
    if (existing) throw new DuplicateOrgNumberException(orgNumber, existing.mergedIntoId ?? existing.id);
  }

  /** Runs a write; if it lost a race for the org number to another request, answers the same 409 the pre-check gives. */
  private async mapOrgNumberRace<T>(orgNumber: string | undefined, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (orgNumber && isUniqueViolation(error, ORG_NUMBER_KEY)) await this.assertOrgNumberFree(this.dataSource.manager, orgNumber);
      throw error;
    }
  }
}
