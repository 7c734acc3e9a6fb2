import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from './decorators';
import { type Principal, type Role, ROLES } from './principal';

class PrincipalDto {
  @ApiProperty({ example: 'dev-staff' })
  subject: string;
  @ApiProperty({ enum: ROLES, isArray: true })
  roles: Role[];
  @ApiPropertyOptional({ format: 'uuid' })
  companyId?: string;
}

@ApiTags('auth')
@ApiBearerAuth()
@Controller('whoami')
export class WhoamiController {
  @Get()
  @Roles(...ROLES)
  @ApiOperation({ summary: 'Who the bearer token says the caller is' })
  @ApiOkResponse({ type: PrincipalDto })
  whoami(@CurrentPrincipal() principal: Principal): PrincipalDto {
    return { subject: principal.subject, roles: [...principal.roles], companyId: principal.companyId };
  }
}
