import { PageQueryDto } from '@globac/http';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PARTICIPANT_STATUSES, type ParticipantStatus } from '../participant.entity';

export class ListParticipantsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PARTICIPANT_STATUSES })
  @IsOptional()
  @IsIn(PARTICIPANT_STATUSES, { message: `$property must be one of ${PARTICIPANT_STATUSES.join(', ')}` })
  status?: ParticipantStatus;

  @ApiPropertyOptional({ type: String, format: 'uuid' })
  @IsOptional()
  @IsUUID()
  companyId?: string;
}
