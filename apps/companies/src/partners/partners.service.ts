import { type Page, toPage, ValidationFailedException } from '@globac/http';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { isUniqueViolation } from '@globac/database';
import { TargetRegion } from '../reference-data/target-region.entity';
import type { CreatePartnerDto } from './dto/create-partner.dto';
import type { ListPartnersQueryDto } from './dto/list-partners-query.dto';
import { PartnerDto } from './dto/partner.dto';
import { Partner } from './partner.entity';
import { DuplicatePartnerException, PartnerNotFoundException } from './partners.exceptions';

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

@Injectable()
export class PartnersService {
  constructor(private readonly dataSource: DataSource) {}

  async create(dto: CreatePartnerDto): Promise<PartnerDto> {
    if (dto.countryCode === 'SE') {
      throw new ValidationFailedException([{ field: 'countryCode', rule: 'abroad', message: 'must not be SE: a partner is abroad' }]);
    }
    if (dto.targetRegion) await this.assertTargetRegionIn(dto.targetRegion, dto.countryCode);
    await this.assertNotDuplicate(dto.name, dto.countryCode);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const now = new Date();
        const partner = await manager.save(
          manager.create(Partner, {
            name: dto.name,
            countryCode: dto.countryCode,
            regionOrCity: dto.regionOrCity ?? null,
            sector: dto.sector ?? null,
            website: dto.website ?? null,
            targetRegion: dto.targetRegion ?? null,
            createdAt: now,
            updatedAt: now,
          }),
        );
        return PartnerDto.from(partner);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'partners_name_country_key')) await this.assertNotDuplicate(dto.name, dto.countryCode);
      throw error;
    }
  }

  async list(query: ListPartnersQueryDto): Promise<Page<PartnerDto>> {
    const filtered = this.dataSource.getRepository(Partner).createQueryBuilder('p');
    if (query.country) filtered.andWhere('p.countryCode = :country', { country: query.country });
    if (query.targetRegion) filtered.andWhere('p.targetRegion = :region', { region: query.targetRegion });
    if (query.q?.trim()) filtered.andWhere('p.name ILIKE :like', { like: `%${escapeLike(query.q.trim())}%` });
    const [partners, total] = await Promise.all([
      filtered.clone().orderBy('p.name', 'ASC').addOrderBy('p.id', 'ASC').offset(query.offset).limit(query.pageSize).getMany(),
      filtered.clone().select('count(*)::int', 'total').getRawOne<{ total: number }>(),
    ]);
    return toPage(partners.map(PartnerDto.from), total?.total ?? 0, query);
  }

  async get(id: string): Promise<PartnerDto> {
    return PartnerDto.from(await this.require(this.dataSource.manager, id));
  }

  async require(manager: EntityManager, id: string): Promise<Partner> {
    const partner = await manager.findOneBy(Partner, { id });
    if (!partner) throw new PartnerNotFoundException(id);
    return partner;
  }

  /** A partner belongs to a target region of its own country: Poznań is for Polish partners. */
  private async assertTargetRegionIn(code: string, countryCode: string) {
    const region = await this.dataSource.manager.findOneBy(TargetRegion, { code });
    if (!region) {
      throw new ValidationFailedException([
        { field: 'targetRegion', rule: 'knownTargetRegion', message: 'must be a target region code from GET /api/reference-data/target-regions' },
      ]);
    }
    if (region.countryCode !== countryCode) {
      throw new ValidationFailedException([
        { field: 'targetRegion', rule: 'regionInCountry', message: `is in ${region.countryCode}, but the partner is in ${countryCode}` },
      ]);
    }
  }

  private async assertNotDuplicate(name: string, countryCode: string) {
    const existing = await this.dataSource
      .getRepository(Partner)
      .createQueryBuilder('p')
      .where('lower(p.name) = lower(:name) AND p.countryCode = :countryCode', { name, countryCode })
      .getOne();
    if (existing) throw new DuplicatePartnerException(name, countryCode, existing.id);
  }
}
