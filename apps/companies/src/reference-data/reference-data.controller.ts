import { Roles } from '@globac/auth';
import { MUNICIPALITIES } from '@globac/contracts';
import { Controller, Get } from '@nestjs/common';
import { ApiTag } from '@globac/http';
import { ApiBearerAuth, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { PlacesDto, TargetRegionDto } from './dto/reference-data.dto';
import { OUTSIDE_COUNTY, SWEDISH_COUNTIES } from './municipality.rules';
import { TargetRegion } from './target-region.entity';

@ApiTag('reference data', 'The places and target regions that other fields refer to')
@ApiBearerAuth()
@Controller('reference-data')
export class ReferenceDataController {
  constructor(private readonly dataSource: DataSource) {}

  @Get('target-regions')
  @Roles('staff', 'company')
  @ApiOperation({ summary: "The programme's target regions abroad", description: 'Ordered by country and code; partners name one by its code.' })
  @ApiOkResponse({ type: TargetRegionDto, isArray: true })
  async targetRegions(): Promise<TargetRegionDto[]> {
    const regions = await this.dataSource.manager.find(TargetRegion, { order: { countryCode: 'ASC', code: 'ASC' } });
    return regions.map(({ code, name, countryCode, description }) => ({ code, name, countryCode, description }));
  }

  @Get('places')
  @Roles('staff', 'company')
  @ApiOperation({
    summary: 'The municipalities and counties a company can be registered in',
    description: "Västerbotten's municipalities, the value for a company outside the county, and Sweden's counties.",
  })
  @ApiOkResponse({ type: PlacesDto })
  places(): PlacesDto {
    return { municipalities: [...MUNICIPALITIES], outsideCounty: OUTSIDE_COUNTY, counties: [...SWEDISH_COUNTIES] };
  }
}
