import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Min } from 'class-validator';

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

export class ReplayAllResultDto {
  @ApiProperty({ description: 'Dead letters handled and removed', type: [ReplayResultDto] })
  replayed: ReplayResultDto[];

  @ApiProperty({ description: 'Dead letters that failed again and stay', type: [ReplayFailureDto] })
  failed: ReplayFailureDto[];
}
