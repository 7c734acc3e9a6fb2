// A small module with the shapes real features use (a body DTO with nested fields, a paged list and a
// company-scoped route), so the platform's behaviour can be tested without any service's domain.
import { assertCanActForCompany, CurrentPrincipal, type Principal, Roles, signDevToken, type DevTokenClaims } from '@globac/auth';
import { loadConfig, ServiceConfig } from '@globac/config';
import { JsonLogger } from '@globac/observability';
import request from 'supertest';
import { createServiceApp, type Page, PageQueryDto, PlatformModule, toPage, UuidParam } from '../src';
import { Body, Controller, Get, Module, Post, Query } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Min, ValidateNested } from 'class-validator';

class PlaceDto {
  @IsString()
  city: string;

  @IsString()
  @Length(2, 2)
  country: string;
}

class CreateThingDto {
  @IsString()
  @Length(1, 100)
  name: string;

  @IsInt()
  @Min(0)
  count: number;

  @IsOptional()
  @ValidateNested()
  @Type(() => PlaceDto)
  place?: PlaceDto;
}

class ThingQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';
}

@Controller('things')
class ThingsController {
  @Post()
  @Roles('staff')
  create(@Body() body: CreateThingDto) {
    return { ...body, id: '00000000-0000-4000-8000-000000000000' };
  }

  @Get()
  @Roles('staff', 'financier')
  list(@Query() query: ThingQueryDto): Page<{ n: number }> {
    const all = Array.from({ length: 45 }, (_, i) => ({ n: i + 1 }));
    const sorted = query.order === 'desc' ? all.reverse() : all;
    return toPage(sorted.slice(query.offset, query.offset + query.pageSize), all.length, query);
  }

  @Get('companies/:companyId')
  @Roles('staff', 'company')
  forCompany(@UuidParam('companyId') companyId: string, @CurrentPrincipal() principal: Principal) {
    assertCanActForCompany(principal, companyId);
    return { companyId };
  }

  @Get('boom')
  @Roles('staff')
  boom(): never {
    throw new Error('a bug, not bad input');
  }
}

@Module({ controllers: [ThingsController] })
class ThingsModule {}

function sampleModule(config: ServiceConfig) {
  return { module: class SampleAppModule {}, imports: [PlatformModule.forService(ServiceConfig, config), ThingsModule] };
}

/** The sample app on an ephemeral port; it has no database, so readiness has nothing critical to check. */
export async function startSampleApp(env: Record<string, string> = {}) {
  const config = loadConfig(ServiceConfig, { NODE_ENV: 'test', LOG_LEVEL: process.env.TEST_LOG_LEVEL || 'silent', ...env });
  const app = await createServiceApp(sampleModule(config), { service: 'sample', config, logger: new JsonLogger('sample', config.LOG_LEVEL) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    config,
    http: () => request(app.getHttpServer()),
    url: () => app.getUrl(),
    token: (claims: DevTokenClaims) => signDevToken(claims, config.AUTH_DEV_SECRET),
    stop: () => app.close(),
  };
}
