import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from './decorators';
import { type Principal, type Role, ROLES } from './principal';

class PrincipalDto {
  @ApiProperty({ type: String, example: 'dev-staff', description: "The token's subject" })
  subject: string;
  @ApiProperty({ enum: ROLES, isArray: true })
  roles: Role[];
  @ApiPropertyOptional({ type: String, format: 'uuid', description: 'For a company user: the company the token acts for' })
  companyId?: string;
}

@ApiTags('auth')
@ApiBearerAuth()
@Controller('whoami')
export class WhoamiController {
  @Get()
  @Roles(...ROLES)
  @ApiOperation({
    summary: 'Who the bearer token says the caller is',
    description: 'The subject, roles and (for a company user) company the service reads from the token: a way to check a token.',
  })
  @ApiOkResponse({ type: PrincipalDto })
  whoami(@CurrentPrincipal() principal: Principal): PrincipalDto {
    return { subject: principal.subject, roles: [...principal.roles], companyId: principal.companyId };
  }
}
