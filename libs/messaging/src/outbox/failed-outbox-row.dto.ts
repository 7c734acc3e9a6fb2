import { ApiProperty } from '@nestjs/swagger';

/** An outbox row set aside after `OUTBOX_MAX_ATTEMPTS` refused publishes: the relay no longer tries it. */
export class FailedOutboxRowDto {
  @ApiProperty({ type: String, format: 'uuid', description: 'The event id (and the row id)' })
  id: string;

  @ApiProperty({ type: String, description: 'Where it was to be published', example: 'globac.companies.company.registered.v1' })
  subject: string;

  @ApiProperty({ type: String, example: 'CompanyRegistered' })
  eventType: string;

  @ApiProperty({ type: 'integer', example: 1 })
  eventVersion: number;

  @ApiProperty({ type: 'integer', description: 'Refused publishes so far', example: 10 })
  attempts: number;

  @ApiProperty({ type: String, nullable: true, description: 'Why the last publish was refused', example: 'no stream stores globac.companies.company.registered.v1 (no responders)' })
  lastError: string | null;

  @ApiProperty({ type: String, format: 'date-time', description: 'When the event happened' })
  occurredOn: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'When the row was written' })
  createdAt: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'When the relay set it aside' })
  failedAt: string;

  @ApiProperty({ type: String, description: 'The envelope that will be published (JSON, cut at 4 KiB)' })
  envelope: string;
}

export class OutboxRetryAllResultDto {
  @ApiProperty({ type: 'integer', description: 'Rows put back to pending', example: 3 })
  retried: number;
}
