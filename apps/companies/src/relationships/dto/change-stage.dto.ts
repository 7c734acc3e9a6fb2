import { IsInstant, RELATIONSHIP_STAGES, type RelationshipStage } from '@globac/contracts';
import { PageQueryDto } from '@globac/http';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { USER_CAUSES, type UserCause } from '../relationship.rules';

const OPEN_STAGES = RELATIONSHIP_STAGES.filter((s) => s !== 'ended');

export class CauseInputDto {
  @ApiProperty({ enum: USER_CAUSES, description: 'manual: a staff decision; partner-meeting: a B2B meeting on a trip; event: a programme event' })
  @IsIn(USER_CAUSES, { message: `must be one of ${USER_CAUSES.join(', ')}` })
  kind: UserCause;

  @ApiPropertyOptional({ format: 'uuid', description: 'The meeting id (PartnerMeetingHeld.meetingId) or event id; left out for manual' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  id?: string;
}

class StageMoveFields {
  @ApiPropertyOptional({ description: 'When it happened (ISO 8601 with a zone); defaults to now; not in the future', example: '2026-05-05T11:00:00Z' })
  @IsOptional()
  @IsInstant()
  at?: string;

  @ApiPropertyOptional({ type: CauseInputDto, description: 'What moved it; defaults to manual' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CauseInputDto)
  cause?: CauseInputDto;
}

export class OpenRelationshipDto extends StageMoveFields {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a UUID' })
  partnerId: string;

  @ApiPropertyOptional({ enum: OPEN_STAGES, default: 'lead', description: 'The stage it starts at' })
  @IsOptional()
  @IsIn(OPEN_STAGES, { message: `must be one of ${OPEN_STAGES.join(', ')}` })
  stage?: RelationshipStage;
}

export class ChangeStageDto extends StageMoveFields {
  @ApiProperty({ enum: RELATIONSHIP_STAGES })
  @IsDefined({ message: 'is required' })
  @IsIn(RELATIONSHIP_STAGES, { message: `must be one of ${RELATIONSHIP_STAGES.join(', ')}` })
  stage: RelationshipStage;
}

export class ListRelationshipsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: RELATIONSHIP_STAGES, description: 'Only relationships at this stage' })
  @IsOptional()
  @IsIn(RELATIONSHIP_STAGES, { message: `must be one of ${RELATIONSHIP_STAGES.join(', ')}` })
  stage?: RelationshipStage;
}
