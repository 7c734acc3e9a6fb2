import { CurrentPrincipal, type Principal, Roles } from '@globac/auth';
import { type Page, PageOf, PageQueryDto, toPage } from '@globac/http';
import { Controller, Get, Header, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { DeadLetterDto, DeadLetterReplayIdParams, DeadLetterReplayJobDto, DeadLetterSequenceParams, ReplayResultDto } from './dead-letter.dto';
import { DeadLetterReplays } from './dead-letter-replays.service';
import { DeadLetterService } from './dead-letter.service';

/** Operators' view of the messages this service gave up on. Admin only (`@Roles()` with no role). */
@ApiTags('admin: dead letters')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No valid token' })
@ApiForbiddenResponse({ description: 'Not an admin' })
@Roles()
@Controller('admin/dead-letters')
export class DeadLettersController {
  constructor(
    private readonly deadLetters: DeadLetterService,
    private readonly replays: DeadLetterReplays,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List this service\'s dead letters, oldest first' })
  @ApiOkResponse({ type: PageOf(DeadLetterDto) })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: page or pageSize out of range' })
  @ApiServiceUnavailableResponse({ description: 'NATS is not reachable' })
  async list(@Query() query: PageQueryDto): Promise<Page<DeadLetterDto>> {
    const { items, total } = await this.deadLetters.list(query.page, query.pageSize);
    return toPage(items, total, query);
  }

  @Post('replay')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Start replaying every dead letter of this service, in the background',
    description:
      'Answers at once with the replay job; follow it at `GET /api/admin/dead-letters/replays/{id}` (also in `Location`). ' +
      'Those handled are removed, those failing again stay. One replay runs at a time per service.',
  })
  @ApiAcceptedResponse({ type: DeadLetterReplayJobDto })
  @ApiConflictResponse({ description: 'DEAD_LETTER_REPLAY_RUNNING: one runs already (details.replayId)' })
  @ApiServiceUnavailableResponse({ description: 'NATS is not reachable' })
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
  @ApiOperation({ summary: 'Progress of a replay of all dead letters' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: DeadLetterReplayJobDto })
  @ApiBadRequestResponse({ description: 'The id is not a UUID' })
  @ApiNotFoundResponse({ description: 'DEAD_LETTER_REPLAY_NOT_FOUND' })
  replayProgress(@Param() params: DeadLetterReplayIdParams): Promise<DeadLetterReplayJobDto> {
    return this.replays.get(params.id);
  }

  @Post(':sequence/replay')
  @HttpCode(200)
  @ApiOperation({ summary: 'Replay one dead letter through this service\'s handlers; removed from the dead letters when handled' })
  @ApiOkResponse({ type: ReplayResultDto })
  @ApiBadRequestResponse({ description: 'The sequence is not a whole number of at least 1' })
  @ApiNotFoundResponse({ description: 'DEAD_LETTER_NOT_FOUND' })
  @ApiConflictResponse({ description: 'DEAD_LETTER_REPLAY_FAILED: it failed again and stays' })
  @ApiServiceUnavailableResponse({ description: 'NATS is not reachable' })
  replay(@Param() params: DeadLetterSequenceParams): Promise<ReplayResultDto> {
    return this.deadLetters.replay(params.sequence);
  }
}
