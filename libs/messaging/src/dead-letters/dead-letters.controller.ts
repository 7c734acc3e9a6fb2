import { CurrentPrincipal, type Principal, Roles } from '@globac/auth';
import { type ApiErrorOptions, ApiErrorResponse, ApiTag, NotFoundDetails, type Page, PageOf, PageQueryDto, toPage } from '@globac/http';
import { Controller, Get, Header, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam } from '@nestjs/swagger';
import {
  DeadLetterDto,
  DeadLetterNotFoundDetails,
  DeadLetterReplayFailedDetails,
  DeadLetterReplayIdParams,
  DeadLetterReplayJobDto,
  DeadLetterReplayRunningDetails,
  DeadLetterSequenceParams,
  ReplayResultDto,
} from './dead-letter.dto';
import { DeadLetterReplays } from './dead-letter-replays.service';
import { DeadLetterService } from './dead-letter.service';

const NATS_UNAVAILABLE: ApiErrorOptions = { status: 503, code: 'NATS_UNAVAILABLE', description: 'NATS is not reachable right now; try again when it is back' };

/** Operators' view of the messages this service gave up on. Admin only (`@Roles()` with no role). */
@ApiTag('admin: dead letters', "Operators' view of the integration events this service gave up on, and their replay (admin only)")
@ApiBearerAuth()
@Roles()
@Controller('admin/dead-letters')
export class DeadLettersController {
  constructor(
    private readonly deadLetters: DeadLetterService,
    private readonly replays: DeadLetterReplays,
  ) {}

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
  @HttpCode(202)
  @ApiOperation({
    summary: 'Start replaying every dead letter of this service, in the background (admin)',
    description:
      'Answers at once with the replay job; follow it at `GET /api/admin/dead-letters/replays/{id}` (also in `Location`). ' +
      'Those handled are removed, those failing again stay. One replay runs at a time per service.',
  })
  @ApiAcceptedResponse({ type: DeadLetterReplayJobDto })
  @ApiErrorResponse(
    { status: 409, code: 'DEAD_LETTER_REPLAY_RUNNING', description: 'a replay of all runs already', details: DeadLetterReplayRunningDetails },
    NATS_UNAVAILABLE,
  )
  async replayAll(
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: { header(name: string, value: string): unknown },
  ): Promise<DeadLetterReplayJobDto> {
    const job = await this.replays.start(principal.subject);
    response.header('Location', `/api/admin/dead-letters/replays/${job.id}`);
    return job;
  }

  @Get('replays/:id')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Progress of a replay of all dead letters (admin)', description: 'Counts grow as the job works through the dead letters; status turns completed at the end.' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The replay job (from the Location of POST /api/admin/dead-letters/replay)' })
  @ApiOkResponse({ type: DeadLetterReplayJobDto })
  @ApiErrorResponse({ status: 404, code: 'DEAD_LETTER_REPLAY_NOT_FOUND', description: 'no replay of this service with this id', details: NotFoundDetails })
  replayProgress(@Param() params: DeadLetterReplayIdParams): Promise<DeadLetterReplayJobDto> {
    return this.replays.get(params.id);
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
