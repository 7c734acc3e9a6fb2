import { PageQueryDto } from '@globac/http';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { REGISTRATION_STATUSES, type RegistrationStatus } from '../registration.entity';

export class ListRegistrationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: REGISTRATION_STATUSES, description: 'waitlisted ones come in waitlist order' })
  @IsOptional()
  @IsIn(REGISTRATION_STATUSES, { message: `$property must be one of ${REGISTRATION_STATUSES.join(', ')}` })
  status?: RegistrationStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'Registrations of this company' })
  @IsOptional()
  @IsUUID()
  companyId?: string;
}
