import { CurrentPrincipal, type Principal, Roles } from '@globac/auth';
import { Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiErrorResponse, ApiTag } from '@globac/http';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOperation, ApiProperty } from '@nestjs/swagger';
import { REBUILD_RUNNING } from '../api-errors';
import { RebuildService } from './rebuild.service';

export class RebuildStartedDto {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, enum: ['running'] }) state: string;
}

@ApiTag('reporting status', 'How fresh the read models behind the reports are, and rebuilding them from the integration events')
@ApiBearerAuth()
@Controller('reports/rebuild')
export class RebuildController {
  constructor(private readonly rebuild: RebuildService) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  // No roles: admin only.
  @Roles()
  @ApiOperation({
    summary: 'Rebuild the read models by replaying every stream from its start',
    description:
      'Replays into fresh tables and switches to them when caught up; the API answers from the current ones meanwhile. Progress in GET /api/reports/status.',
  })
  @ApiAcceptedResponse({ type: RebuildStartedDto, description: 'The rebuild started' })
  @ApiErrorResponse(REBUILD_RUNNING)
  start(@CurrentPrincipal() principal: Principal): Promise<RebuildStartedDto> {
    return this.rebuild.start(principal.subject);
  }
}
