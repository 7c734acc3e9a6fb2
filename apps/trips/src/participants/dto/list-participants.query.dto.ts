import { PageQueryDto } from '@globac/http';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PARTICIPANT_STATUSES, type ParticipantStatus } from '../participant.entity';

export class ListParticipantsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: String, enum: PARTICIPANT_STATUSES, description: 'Participations in this status' })
  @IsOptional()
  @IsIn(PARTICIPANT_STATUSES, { message: `$property must be one of ${PARTICIPANT_STATUSES.join(', ')}` })
  status?: ParticipantStatus;

  @ApiPropertyOptional({ type: String, format: 'uuid', description: "This company's participation (a company user: their own)" })
  @IsOptional()
  @IsUUID()
  companyId?: string;
}
