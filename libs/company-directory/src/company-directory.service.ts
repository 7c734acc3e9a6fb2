import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { CompanyCopy } from './company-copy.entity';
import { CompanyMergedException, UnknownCompanyException } from './company-directory.exception';

/** The companies this service knows, from the companies service's events. */
@Injectable()
export class CompanyDirectoryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The company, if it may take part (in an event or a trip): known here and not merged into another. Throws
   * UnknownCompanyException (422) or CompanyMergedException (422, naming the surviving company).
   */
  async requireActive(companyId: string, manager: EntityManager = this.dataSource.manager): Promise<CompanyCopy> {
    const company = await manager.findOne(CompanyCopy, { where: { id: companyId } });
    if (!company) throw new UnknownCompanyException(companyId);
    if (company.mergedInto) throw new CompanyMergedException(companyId, company.mergedInto);
    return company;
  }
}
