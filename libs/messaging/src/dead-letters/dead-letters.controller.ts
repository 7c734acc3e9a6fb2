import { Roles } from '@globac/auth';
import { type Page, PageOf, PageQueryDto, toPage } from '@globac/http';
import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { DeadLetterDto, DeadLetterSequenceParams, ReplayAllResultDto, ReplayResultDto } from './dead-letter.dto';
import { DeadLetterService } from './dead-letter.service';

/** Operators' view of the messages this service gave up on. Admin only (`@Roles()` with no role). */
@ApiTags('admin: dead letters')
@ApiBearerAuth()
@Roles()
@Controller('admin/dead-letters')
export class DeadLettersController {
  constructor(private readonly deadLetters: DeadLetterService) {}

  @Get()
  @ApiOperation({ summary: 'List this service\'s dead letters, oldest first' })
  @ApiOkResponse({ type: PageOf(DeadLetterDto) })
  @ApiServiceUnavailableResponse({ description: 'NATS is not reachable' })
  async list(@Query() query: PageQueryDto): Promise<Page<DeadLetterDto>> {
    const { items, total } = await this.deadLetters.list(query.page, query.pageSize);
    return toPage(items, total, query);
  }

  @Post('replay')
  @HttpCode(200)
  @ApiOperation({ summary: 'Replay every dead letter of this service; those handled are removed, those failing again stay' })
  @ApiOkResponse({ type: ReplayAllResultDto })
  replayAll(): Promise<ReplayAllResultDto> {
    return this.deadLetters.replayAll();
  }

  @Post(':sequence/replay')
  @HttpCode(200)
  @ApiOperation({ summary: 'Replay one dead letter through this service\'s handlers; removed from the dead letters when handled' })
  @ApiOkResponse({ type: ReplayResultDto })
  @ApiConflictResponse({ description: 'DEAD_LETTER_REPLAY_FAILED: it failed again and stays' })
  replay(@Param() params: DeadLetterSequenceParams): Promise<ReplayResultDto> {
    return this.deadLetters.replay(params.sequence);
  }
}
