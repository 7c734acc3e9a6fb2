import { EVENT_KINDS, EVENT_TOPICS, type EventKind, type EventTopic, FINANCIERS, type Financier, IsInstant } from '@globac/contracts';
import { PageQueryDto } from '@globac/http';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsISO31661Alpha2, IsOptional, IsUUID } from 'class-validator';
import { toUpperCase } from '../../request-fields';
import { PROGRAMME_EVENT_STATUSES, type ProgrammeEventStatus } from '../programme-event.entity';

export class ListProgrammeEventsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: EVENT_KINDS, description: 'Events of this kind' })
  @IsOptional()
  @IsIn(EVENT_KINDS, { message: `$property must be one of ${EVENT_KINDS.join(', ')}` })
  kind?: EventKind;

  @ApiPropertyOptional({ enum: EVENT_TOPICS, description: 'Events on this topic' })
  @IsOptional()
  @IsIn(EVENT_TOPICS, { message: `$property must be one of ${EVENT_TOPICS.join(', ')}` })
  topic?: EventTopic;

  @ApiPropertyOptional({ enum: PROGRAMME_EVENT_STATUSES, description: 'Scheduled or cancelled events' })
  @IsOptional()
  @IsIn(PROGRAMME_EVENT_STATUSES, { message: `$property must be one of ${PROGRAMME_EVENT_STATUSES.join(', ')}` })
  status?: ProgrammeEventStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'Meetings of this export ring or circle' })
  @IsOptional()
  @IsUUID()
  ringId?: string;

  @ApiPropertyOptional({ enum: FINANCIERS, description: 'Events this financier funds' })
  @IsOptional()
  @IsIn(FINANCIERS, { message: `$property must be one of ${FINANCIERS.join(', ')}` })
  financier?: Financier;

  @ApiPropertyOptional({ example: 'IT', description: 'Events about this export market, ISO 3166-1 alpha-2 (any letter case)' })
  @IsOptional()
  @Transform(toUpperCase)
  @IsISO31661Alpha2({ message: '$property must be an ISO 3166-1 alpha-2 country code' })
  targetCountry?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Events starting at or after this instant' })
  @IsOptional()
  @IsInstant()
  startsFrom?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Events starting before this instant' })
  @IsOptional()
  @IsInstant()
  startsBefore?: string;
}
