import { CurrentPrincipal, type Principal, Roles } from '@globac/auth';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiGoneResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '@globac/http';
import { MergeCompaniesDto, MergeResultDto } from './dto/merge-companies.dto';
import { MergesService } from './merges.service';

@ApiTags('companies')
@ApiBearerAuth()
@Controller('companies')
export class MergesController {
  constructor(private readonly merges: MergesService) {}

  @Post(':id/merge')
  @HttpCode(200)
  @Roles('staff')
  @ApiOperation({
    summary: 'Merge a duplicate company record into this one (staff)',
    description:
      "Contacts, export figures and relationships move to this company (for a year both reported, this company's figures stand). " +
      'The duplicate leaves every list; reading it answers 410 COMPANY_MERGED with details.mergedInto. Publishes CompaniesMerged.',
  })
  @ApiOkResponse({ type: MergeResultDto })
  @ApiGoneResponse({ description: 'COMPANY_MERGED: one of the two was merged already' })
  merge(@UuidParam('id') survivorId: string, @Body() body: MergeCompaniesDto, @CurrentPrincipal() principal: Principal): Promise<MergeResultDto> {
    return this.merges.merge(survivorId, body.duplicateId, principal);
  }
}
