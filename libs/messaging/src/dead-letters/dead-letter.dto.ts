import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsUUID, Min } from 'class-validator';

/** A message this service gave up on, as kept in the dead-letter stream. */
export class DeadLetterDto {
  @ApiProperty({ type: 'integer', description: 'Sequence in the dead-letter stream: the id to replay it by', example: 42 })
  sequence: number;

  @ApiProperty({
    type: String,
    description: 'Why: invalid-json, invalid-envelope, unknown-type, unknown-version, invalid-data, or max-deliveries (the handler kept failing)',
    example: 'max-deliveries',
  })
  reason: string;

  @ApiProperty({ type: String, description: 'The error of the last attempt', example: 'company 3f0c... not found' })
  error: string;

  @ApiProperty({ type: String, description: 'The event type, when the envelope could be read', example: 'CompanyRegistered', nullable: true })
  eventType: string | null;

  @ApiProperty({ type: String, format: 'uuid', description: 'The event id, when the envelope could be read', nullable: true })
  eventId: string | null;

  @ApiProperty({ type: String, example: 'globac.companies.company.registered.v1' })
  originalSubject: string;

  @ApiProperty({ type: String, example: 'GLOBAC_COMPANIES' })
  originalStream: string;

  @ApiProperty({ type: 'integer', description: 'Sequence of the message in its original stream', example: 1234 })
  originalSequence: number;

  @ApiProperty({ type: 'integer', description: 'How often it had been delivered', example: 5 })
  deliveries: number;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-03-01T09:30:00.000Z' })
  deadLetteredAt: string;

  @ApiProperty({ type: String, description: 'The message as received (UTF-8, cut at 4 KiB)' })
  payload: string;
}

export class DeadLetterSequenceParams {
  @ApiProperty({ type: 'integer', minimum: 1, description: 'The sequence of the dead letter' })
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  sequence: number;
}

export class ReplayResultDto {
  @ApiProperty({ type: 'integer', example: 42 })
  sequence: number;

  @ApiProperty({
    type: String,
    enum: ['handled', 'duplicate', 'ignored'],
    description: 'handled, duplicate (its effect was already there) or ignored (no handler here any more)',
    example: 'handled',
  })
  outcome: string;
}

export class ReplayFailureDto {
  @ApiProperty({ type: 'integer', example: 43 })
  sequence: number;

  @ApiProperty({ type: String, example: 'invalid-data' })
  reason: string;

  @ApiProperty({ type: String, description: 'The error of this attempt' })
  error: string;
}

/** `details` of DEAD_LETTER_NOT_FOUND. */
export class DeadLetterNotFoundDetails {
  @ApiProperty({ type: 'integer', example: 42 })
  sequence: number;
}

/** `details` of DEAD_LETTER_REPLAY_FAILED. */
export class DeadLetterReplayFailedDetails {
  @ApiProperty({ type: 'integer', example: 42 })
  sequence: number;

  @ApiProperty({ type: String, example: 'handler-failed', description: 'handler-failed, or why the message was refused (as in reason)' })
  reason: string;

  @ApiProperty({ type: String, description: 'The error of this attempt' })
  error: string;
}

/** `details` of DEAD_LETTER_REPLAY_RUNNING: the replay to follow instead. */
export class DeadLetterReplayRunningDetails {
  @ApiPropertyOptional({ type: String, format: 'uuid' })
  replayId?: string;
}

export const DEAD_LETTER_REPLAY_STATUSES = ['running', 'completed'] as const;
export type DeadLetterReplayStatus = (typeof DEAD_LETTER_REPLAY_STATUSES)[number];

/** A replay of all of a service's dead letters, running in the background. */
export class DeadLetterReplayJobDto {
  @ApiProperty({ type: String, format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, enum: DEAD_LETTER_REPLAY_STATUSES, description: 'running, then completed (also when some failed again: see failed)', example: 'running' })
  status: DeadLetterReplayStatus;

  @ApiProperty({ type: 'integer', description: 'Dead letters of this service when the replay started: the ones it works through', example: 10000 })
  total: number;

  @ApiProperty({ type: 'integer', description: 'Dead letters tried so far', example: 2500 })
  processed: number;

  @ApiProperty({ type: 'integer', description: 'Handled (or already handled, or no longer wanted) and removed', example: 2490 })
  replayed: number;

  @ApiProperty({ type: 'integer', description: 'Failed again; they stay in the dead letters', example: 10 })
  failed: number;

  @ApiProperty({ type: [ReplayFailureDto], description: 'The first 100 failures' })
  failures: ReplayFailureDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Why the replay is held up right now (NATS or the database away); it goes on by itself' })
  lastError: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The subject of the admin who started it' })
  requestedBy: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'Last progress' })
  updatedAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  finishedAt: string | null;
}

export class DeadLetterReplayIdParams {
  @ApiProperty({ type: String, format: 'uuid' })
  @IsUUID('all', { message: 'must be a UUID' })
  id: string;
}
