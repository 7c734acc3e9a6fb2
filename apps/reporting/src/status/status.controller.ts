import { Roles } from '@globac/auth';
import { Controller, Get } from '@nestjs/common';
import { ApiTag } from '@globac/http';
import { ApiBearerAuth, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ReportingStatusDto } from './status.dto';
import { StatusService } from './status.service';

@ApiTag('reporting status', 'How fresh the read models behind the reports are, and rebuilding them from the integration events')
@ApiBearerAuth()
@Controller('reports/status')
export class StatusController {
  constructor(private readonly status: StatusService) {}

  @Get()
  @Roles('financier', 'staff')
  @ApiOperation({
    summary: 'How fresh the reports are',
    description: 'Per stream: the last event applied, when it happened and when it was applied, and the messages still waiting; the latest rebuild.',
  })
  @ApiOkResponse({ type: ReportingStatusDto, description: 'The streams and the latest rebuild' })
  get(): Promise<ReportingStatusDto> {
    return this.status.status();
  }
}
