import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Min } from 'class-validator';

/** A message this service gave up on, as kept in the dead-letter stream. */
export class DeadLetterDto {
  @ApiProperty({ description: 'Sequence in the dead-letter stream: the id to replay it by', example: 42 })
  sequence: number;

  @ApiProperty({
    description: 'Why: invalid-json, invalid-envelope, unknown-type, unknown-version, invalid-data, or max-deliveries (the handler kept failing)',
    example: 'max-deliveries',
  })
  reason: string;

  @ApiProperty({ description: 'The error of the last attempt', example: 'company 3f0c... not found' })
  error: string;

  @ApiPropertyOptional({ description: 'The event type, when the envelope could be read', example: 'CompanyRegistered', nullable: true })
  eventType: string | null;

  @ApiPropertyOptional({ description: 'The event id, when the envelope could be read', nullable: true })
  eventId: string | null;

  @ApiProperty({ example: 'globac.companies.company.registered.v1' })
  originalSubject: string;

  @ApiProperty({ example: 'GLOBAC_COMPANIES' })
  originalStream: string;

  @ApiProperty({ description: 'Sequence of the message in its original stream', example: 1234 })
  originalSequence: number;

  @ApiProperty({ description: 'How often it had been delivered', example: 5 })
  deliveries: number;

  @ApiProperty({ example: '2026-03-01T09:30:00.000Z' })
  deadLetteredAt: string;

  @ApiProperty({ description: 'The message as received (UTF-8, cut at 4 KiB)' })
  payload: string;
}

export class DeadLetterSequenceParams {
  @ApiProperty({ minimum: 1 })
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  sequence: number;
}

export class ReplayResultDto {
  @ApiProperty({ example: 42 })
  sequence: number;

  @ApiProperty({ description: 'handled, duplicate (its effect was already there) or ignored (no handler here any more)', example: 'handled' })
  outcome: string;
}

export class ReplayFailureDto {
  @ApiProperty({ example: 43 })
  sequence: number;

  @ApiProperty({ example: 'invalid-data' })
  reason: string;

  @ApiProperty()
  error: string;
}

export class ReplayAllResultDto {
  @ApiProperty({ description: 'Dead letters handled and removed', type: [ReplayResultDto] })
  replayed: ReplayResultDto[];

  @ApiProperty({ description: 'Dead letters that failed again and stay', type: [ReplayFailureDto] })
  failed: ReplayFailureDto[];
}
