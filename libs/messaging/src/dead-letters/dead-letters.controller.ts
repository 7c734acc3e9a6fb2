import { Roles } from '@globac/auth';
import { type ApiErrorOptions, ApiErrorResponse, ApiTag, type Page, PageOf, PageQueryDto, toPage } from '@globac/http';
import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import {
  DeadLetterDto,
  DeadLetterNotFoundDetails,
  DeadLetterReplayFailedDetails,
  DeadLetterSequenceParams,
  ReplayAllResultDto,
  ReplayResultDto,
} from './dead-letter.dto';
import { DeadLetterService } from './dead-letter.service';

const NATS_UNAVAILABLE: ApiErrorOptions = { status: 503, code: 'NATS_UNAVAILABLE', description: 'NATS is not reachable right now; try again when it is back' };

/** Operators' view of the messages this service gave up on. Admin only (`@Roles()` with no role). */
@ApiTag('admin: dead letters', "Operators' view of the integration events this service gave up on, and their replay (admin only)")
@ApiBearerAuth()
@Roles()
@Controller('admin/dead-letters')
export class DeadLettersController {
  constructor(private readonly deadLetters: DeadLetterService) {}

  @Get()
  @ApiOperation({
    summary: "List this service's dead letters (admin)",
    description: 'Oldest first: the messages this service refused or kept failing on, with why and the payload as received.',
  })
  @ApiOkResponse({ type: PageOf(DeadLetterDto) })
  @ApiErrorResponse(NATS_UNAVAILABLE)
  async list(@Query() query: PageQueryDto): Promise<Page<DeadLetterDto>> {
    const { items, total } = await this.deadLetters.list(query.page, query.pageSize);
    return toPage(items, total, query);
  }

  @Post('replay')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Replay every dead letter of this service (admin)',
    description: 'Each goes through the handlers again: those handled are removed, those failing again stay and are listed in failed.',
  })
  @ApiOkResponse({ type: ReplayAllResultDto })
  @ApiErrorResponse(NATS_UNAVAILABLE)
  replayAll(): Promise<ReplayAllResultDto> {
    return this.deadLetters.replayAll();
  }

  @Post(':sequence/replay')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Replay one dead letter (admin)',
    description: "Through this service's handlers; removed from the dead letters when handled, kept when it fails again (409).",
  })
  @ApiOkResponse({ type: ReplayResultDto })
  @ApiErrorResponse(
    { status: 404, code: 'DEAD_LETTER_NOT_FOUND', description: 'no dead letter of this service at this sequence', details: DeadLetterNotFoundDetails },
    { status: 409, code: 'DEAD_LETTER_REPLAY_FAILED', description: 'it failed again and stays in the dead letters', details: DeadLetterReplayFailedDetails },
    NATS_UNAVAILABLE,
  )
  replay(@Param() params: DeadLetterSequenceParams): Promise<ReplayResultDto> {
    return this.deadLetters.replay(params.sequence);
  }
}
