import { Roles } from '@globac/auth';
import { type Page, PageOf } from '@globac/http';
import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiErrorResponse, ApiTag, UuidParam } from '@globac/http';
import { DUPLICATE_PARTNER, PARTNER_NOT_FOUND } from '../api-errors';
import { CreatePartnerDto } from './dto/create-partner.dto';
import { ListPartnersQueryDto } from './dto/list-partners-query.dto';
import { PartnerDto } from './dto/partner.dto';
import { PartnersService } from './partners.service';

@ApiTag('partners', 'Partners abroad (companies, chambers, agents) in the target regions')
@ApiBearerAuth()
@Controller('partners')
export class PartnersController {
  constructor(private readonly partners: PartnersService) {}

  @Post()
  @Roles('staff')
  @ApiOperation({ summary: 'Register a partner abroad (staff)', description: 'A partner is abroad (not SE); its name is unique within its country.' })
  @ApiCreatedResponse({ type: PartnerDto })
  @ApiErrorResponse(DUPLICATE_PARTNER)
  create(@Body() body: CreatePartnerDto): Promise<PartnerDto> {
    return this.partners.create(body);
  }

  @Get()
  @Roles('staff')
  @ApiOperation({ summary: 'List partners (staff)', description: 'Filtered by country, target region and text in the name.' })
  @ApiOkResponse({ type: PageOf(PartnerDto) })
  list(@Query() query: ListPartnersQueryDto): Promise<Page<PartnerDto>> {
    return this.partners.list(query);
  }

  @Get(':id')
  @Roles('staff')
  @ApiOperation({ summary: 'One partner (staff)', description: 'The partner with its target region.' })
  @ApiOkResponse({ type: PartnerDto })
  @ApiErrorResponse(PARTNER_NOT_FOUND)
  get(@UuidParam('id') id: string): Promise<PartnerDto> {
    return this.partners.get(id);
  }
}
