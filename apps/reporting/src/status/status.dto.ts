import { ApiProperty } from '@nestjs/swagger';

export class LastEventDto {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: 'ParticipantAttended' }) type: string;
  @ApiProperty({ type: String, format: 'date-time', description: 'When it happened in its producer' }) occurredOn: string;
  @ApiProperty({ type: String, format: 'date-time', description: 'When it was applied to the read models here' }) appliedAt: string;
}

export class StreamStatusDto {
  @ApiProperty({ type: String, enum: ['companies', 'events', 'trips'] }) stream: string;
  @ApiProperty({ type: String, example: 'GLOBAC_EVENTS', description: 'The JetStream stream' }) natsStream: string;
  @ApiProperty({ type: LastEventDto, nullable: true, description: 'The last event applied from this stream; null before the first' })
  lastEvent: LastEventDto | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Seconds between the last event\'s occurrence and its applying here' })
  lastDelaySeconds: number | null;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'Messages of the stream not yet applied (pending and unacknowledged); null while NATS does not answer',
  })
  pendingMessages: number | null;
}

export class RebuildStatusDto {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, enum: ['running', 'switched', 'failed'] }) state: string;
  @ApiProperty({ type: String, format: 'date-time' }) startedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt: string | null;
  @ApiProperty({ type: 'integer', description: 'Events replayed so far' }) replayed: number;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Events in the streams when the rebuild started' }) total: number | null;
  @ApiProperty({ type: String, nullable: true }) error: string | null;
}

export class ReportingStatusDto {
  @ApiProperty({ type: StreamStatusDto, isArray: true }) streams: StreamStatusDto[];
  @ApiProperty({ type: RebuildStatusDto, nullable: true, description: 'The latest rebuild, if any' }) rebuild: RebuildStatusDto | null;
  @ApiProperty({ type: String, format: 'date-time' }) checkedAt: string;
}
