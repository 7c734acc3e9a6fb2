import { Roles } from '@globac/auth';
import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReportingStatusDto } from './status.dto';
import { StatusService } from './status.service';

@ApiTags('reports')
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
  @ApiOkResponse({ type: ReportingStatusDto })
  @ApiForbiddenResponse({ description: 'FORBIDDEN' })
  get(): Promise<ReportingStatusDto> {
    return this.status.status();
  }
}
