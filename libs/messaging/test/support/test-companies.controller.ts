import { randomUUID } from 'node:crypto';
import { Roles } from '@globac/auth';
import { CompanyRegistered } from '@globac/contracts';
import { Body, Controller, Post } from '@nestjs/common';
import { IsString, Length } from 'class-validator';
import { DataSource } from 'typeorm';
import { OutboxService } from '../../src';

class RegisterTestCompanyDto {
  @IsString()
  @Length(1, 200)
  name: string;
}

/** A write of the producer test app: the state change and its event in one transaction. */
@Controller('test/companies')
export class TestCompaniesController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  @Post()
  @Roles('staff')
  async register(@Body() body: RegisterTestCompanyDto) {
    return this.dataSource.transaction(async (manager) => {
      const companyId = randomUUID();
      await manager.query('INSERT INTO test_companies (id, name) VALUES ($1, $2)', [companyId, body.name]);
      const event = await this.outbox.add(manager, CompanyRegistered, testCompany(companyId, body.name));
      return { companyId, eventId: event.id, correlationId: event.correlationId };
    });
  }
}

/** A valid CompanyRegistered for a test company. */
export function testCompany(companyId: string, name: string): CompanyRegistered {
  return {
    companyId,
    orgNumber: null,
    name,
    municipality: 'Umeå',
    sizeClass: 'micro',
    sniCode: '62.010',
    registeredAt: new Date().toISOString(),
    revision: 1,
  };
}
