import { Roles } from '@globac/auth';
import { type Page, PageOf, PageQueryDto } from '@globac/http';
import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { AddExhibitorDto } from './dto/add-exhibitor.dto';
import { ExhibitorDto } from './dto/exhibitor.dto';
import { ExhibitorsService } from './exhibitors.service';

@ApiTags('exhibitors')
@ApiBearerAuth()
@Controller('events/:eventId/exhibitors')
export class ExhibitorsController {
  constructor(private readonly exhibitors: ExhibitorsService) {}

  @Post()
  @Roles('staff')
  @ApiOperation({ summary: 'A company exhibits at a trade fair with its products' })
  @ApiCreatedResponse({ type: ExhibitorDto })
  @ApiConflictResponse({ description: 'ALREADY_EXHIBITING (details.exhibitorId), EVENT_CANCELLED' })
  @ApiUnprocessableEntityResponse({ description: 'NOT_A_TRADE_FAIR, UNKNOWN_COMPANY, COMPANY_MERGED' })
  add(@Param('eventId', ParseUUIDPipe) eventId: string, @Body() dto: AddExhibitorDto): Promise<ExhibitorDto> {
    return this.exhibitors.add(eventId, dto);
  }

  @Get()
  @Roles('staff', 'financier', 'company')
  @ApiOkResponse({ type: PageOf(ExhibitorDto) })
  list(@Param('eventId', ParseUUIDPipe) eventId: string, @Query() query: PageQueryDto): Promise<Page<ExhibitorDto>> {
    return this.exhibitors.list(eventId, query);
  }
}
