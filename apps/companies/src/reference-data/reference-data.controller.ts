import { Roles } from '@globac/auth';
import { MUNICIPALITIES } from '@globac/contracts';
import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { PlacesDto, TargetRegionDto } from './dto/reference-data.dto';
import { OUTSIDE_COUNTY, SWEDISH_COUNTIES } from './municipality.rules';
import { TargetRegion } from './target-region.entity';

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('reference-data')
export class ReferenceDataController {
  constructor(private readonly dataSource: DataSource) {}

  @Get('target-regions')
  @Roles('staff', 'company')
  @ApiOperation({ summary: "The programme's target regions abroad" })
  @ApiOkResponse({ type: TargetRegionDto, isArray: true })
  async targetRegions(): Promise<TargetRegionDto[]> {
    const regions = await this.dataSource.manager.find(TargetRegion, { order: { countryCode: 'ASC', code: 'ASC' } });
    return regions.map(({ code, name, countryCode, description }) => ({ code, name, countryCode, description }));
  }

  @Get('places')
  @Roles('staff', 'company')
  @ApiOperation({ summary: 'The municipalities and counties a company can be registered in' })
  @ApiOkResponse({ type: PlacesDto })
  places(): PlacesDto {
    return { municipalities: [...MUNICIPALITIES], outsideCounty: OUTSIDE_COUNTY, counties: [...SWEDISH_COUNTIES] };
  }
}
