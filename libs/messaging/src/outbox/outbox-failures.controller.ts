import { Roles } from '@globac/auth';
import { ApiErrorResponse, ApiTag, UuidParam, NotFoundDetails, type Page, PageOf, PageQueryDto, toPage } from '@globac/http';
import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { FailedOutboxRowDto, OutboxRetryAllResultDto } from './failed-outbox-row.dto';
import { OutboxFailuresService } from './outbox-failures.service';

/** Operators' view of the outbox rows this service could not publish. Admin only (`@Roles()` with no role). */
@ApiTag('admin: outbox', 'Outbox rows this service could not publish and set aside, and putting them back (admin only)')
@ApiBearerAuth()
@Roles()
@Controller('admin/outbox/failed')
export class OutboxFailuresController {
  constructor(private readonly failures: OutboxFailuresService) {}

  @Get()
  @ApiOperation({
    summary: 'List outbox rows set aside as failed (admin)',
    description:
      'Rows whose publish was refused OUTBOX_MAX_ATTEMPTS times (no stream stores the subject, JetStream refused the message, ' +
      'or only a non-JetStream responder answered). The relay no longer tries them. In write order.',
  })
  @ApiOkResponse({ type: PageOf(FailedOutboxRowDto) })
  async list(@Query() query: PageQueryDto): Promise<Page<FailedOutboxRowDto>> {
    const { items, total } = await this.failures.list(query.page, query.pageSize);
    return toPage(items, total, query);
  }

  @Post('retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Put every failed outbox row back to pending (admin)', description: 'Attempts start again from zero; the relay publishes them at once.' })
  @ApiOkResponse({ type: OutboxRetryAllResultDto })
  async retryAll(): Promise<OutboxRetryAllResultDto> {
    return { retried: await this.failures.retryAll() };
  }

  @Post(':id/retry')
  @HttpCode(204)
  @ApiOperation({ summary: 'Put one failed outbox row back to pending (admin)', description: 'Attempts start again from zero; the relay publishes it at once.' })
  @ApiNoContentResponse({ description: 'Pending again' })
  @ApiErrorResponse({ status: 404, code: 'FAILED_OUTBOX_ROW_NOT_FOUND', description: 'no failed outbox row with this event id', details: NotFoundDetails })
  async retry(@UuidParam('id') id: string): Promise<void> {
    await this.failures.retry(id);
  }
}
