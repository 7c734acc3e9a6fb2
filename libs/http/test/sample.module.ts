// A small module with the shapes real features use (a body DTO with nested fields, a paged list and a
// company-scoped route), so the platform's behaviour can be tested without any service's domain.
import { assertCanActForCompany, CurrentPrincipal, type Principal, Roles } from '@globac/auth';
import { ServiceConfig } from '@globac/config';
import { type Page, PageQueryDto, PlatformModule, toPage } from '@globac/http';
import { Body, Controller, Get, Module, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
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
  forCompany(@Param('companyId', ParseUUIDPipe) companyId: string, @CurrentPrincipal() principal: Principal) {
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

export function sampleModule(config: ServiceConfig) {
  return { module: class SampleAppModule {}, imports: [PlatformModule.forService(ServiceConfig, config), ThingsModule] };
}
