import { Roles } from '@globac/auth';
import { ALREADY_EXHIBITING, COMPANY_MERGED, EVENT_CANCELLED, EVENT_NOT_FOUND, NOT_A_TRADE_FAIR, UNKNOWN_COMPANY } from '../api-errors';
import { type Page, PageOf, PageQueryDto, ApiErrorResponse, ApiTag, UuidParam } from '@globac/http';
import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { AddExhibitorDto } from './dto/add-exhibitor.dto';
import { ExhibitorDto } from './dto/exhibitor.dto';
import { ExhibitorsService } from './exhibitors.service';

@ApiTag('exhibitors', 'Companies exhibiting at trade fairs, with their products')
@ApiBearerAuth()
@Controller('events/:eventId/exhibitors')
export class ExhibitorsController {
  constructor(private readonly exhibitors: ExhibitorsService) {}

  @Post()
  @Roles('staff')
  @ApiOperation({ summary: 'A company exhibits at a trade fair', description: 'With its products and, when known, its stand. Publishes ExhibitorAdded.' })
  @ApiCreatedResponse({ type: ExhibitorDto })
  @ApiErrorResponse(EVENT_NOT_FOUND, ALREADY_EXHIBITING, EVENT_CANCELLED, NOT_A_TRADE_FAIR, UNKNOWN_COMPANY, COMPANY_MERGED)
  add(@UuidParam('eventId') eventId: string, @Body() dto: AddExhibitorDto): Promise<ExhibitorDto> {
    return this.exhibitors.add(eventId, dto);
  }

  @Get()
  @Roles('staff', 'financier', 'company')
  @ApiOperation({ summary: "A trade fair's exhibitors", description: 'In the order they were added.' })
  @ApiOkResponse({ type: PageOf(ExhibitorDto) })
  @ApiErrorResponse(EVENT_NOT_FOUND)
  list(@UuidParam('eventId') eventId: string, @Query() query: PageQueryDto): Promise<Page<ExhibitorDto>> {
    return this.exhibitors.list(eventId, query);
  }
}
