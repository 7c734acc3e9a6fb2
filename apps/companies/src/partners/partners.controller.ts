import { Roles } from '@globac/auth';
import { type Page, PageOf } from '@globac/http';
import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '@globac/http';
import { CreatePartnerDto } from './dto/create-partner.dto';
import { ListPartnersQueryDto } from './dto/list-partners-query.dto';
import { PartnerDto } from './dto/partner.dto';
import { PartnersService } from './partners.service';

@ApiTags('partners')
@ApiBearerAuth()
@Controller('partners')
export class PartnersController {
  constructor(private readonly partners: PartnersService) {}

  @Post()
  @Roles('staff')
  @ApiOperation({ summary: 'Register a partner abroad (staff)' })
  @ApiCreatedResponse({ type: PartnerDto })
  @ApiConflictResponse({ description: 'DUPLICATE_PARTNER: same name in the same country; details.existingId' })
  create(@Body() body: CreatePartnerDto): Promise<PartnerDto> {
    return this.partners.create(body);
  }

  @Get()
  @Roles('staff')
  @ApiOperation({ summary: 'List partners (staff), by country, target region and name' })
  @ApiOkResponse({ type: PageOf(PartnerDto) })
  list(@Query() query: ListPartnersQueryDto): Promise<Page<PartnerDto>> {
    return this.partners.list(query);
  }

  @Get(':id')
  @Roles('staff')
  @ApiOperation({ summary: 'One partner (staff)' })
  @ApiOkResponse({ type: PartnerDto })
  get(@UuidParam('id') id: string): Promise<PartnerDto> {
    return this.partners.get(id);
  }
}
