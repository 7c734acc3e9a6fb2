import { CurrentPrincipal, type Principal, Roles } from '@globac/auth';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiErrorResponse, ApiTag, UuidParam } from '@globac/http';
import { COMPANY_MERGED, COMPANY_NOT_FOUND } from '../api-errors';
import { MergeCompaniesDto, MergeResultDto } from './dto/merge-companies.dto';
import { MergesService } from './merges.service';

@ApiTag('companies', 'The county\'s companies in the programme: register, read, change, list, merge duplicates')
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
  @ApiErrorResponse(
    { ...COMPANY_NOT_FOUND, description: 'no company with this id, or no duplicate with duplicateId' },
    { ...COMPANY_MERGED, description: 'one of the two was merged already; details.mergedInto is where it went' },
  )
  merge(@UuidParam('id') survivorId: string, @Body() body: MergeCompaniesDto, @CurrentPrincipal() principal: Principal): Promise<MergeResultDto> {
    return this.merges.merge(survivorId, body.duplicateId, principal);
  }
}
