import { IsInt, IsObject, IsString, IsUUID, Length, Matches, Min } from 'class-validator';
import { Description, IsInstant } from './field.decorators';

/**
 * What travels on the wire: one integration event with its metadata. `data` is the contract class's
 * fields; `id` is the producer's outbox row id and the `Nats-Msg-Id` of the message.
 */
export interface IntegrationEventEnvelope<T = unknown> {
  readonly id: string;
  readonly type: string;
  readonly version: number;
  readonly occurredOn: string;
  readonly source: string;
  readonly correlationId: string;
  readonly data: T;
}

/** The envelope's validation rules (and its schema in the AsyncAPI document). */
export class EventEnvelope implements IntegrationEventEnvelope<Record<string, unknown>> {
  @Description('Unique id of this event (the producer\'s outbox row id). Consumers deduplicate on it.')
  @IsUUID('all', { message: '$property must be a UUID' })
  readonly id: string;

  @Description('Past-tense event name, the same for every version, e.g. CompanyRegistered.')
  @Matches(/^[A-Z][A-Za-z0-9]*$/, { message: '$property must be a PascalCase event name' })
  readonly type: string;

  @Description('Version of the data shape; the subject ends in .v<version>.')
  @IsInt({ message: '$property must be a whole number' })
  @Min(1, { message: '$property must be at least 1' })
  readonly version: number;

  @Description('When the fact became true in the producer (its transaction time), ISO 8601.')
  @IsInstant()
  readonly occurredOn: string;

  @Description('The producing service, e.g. companies.')
  @Matches(/^[a-z][a-z0-9-]*$/, { message: '$property must name a service' })
  readonly source: string;

  @Description('Id of the request that started this chain of work, carried onto every event it causes, for tracing.')
  @IsString({ message: '$property must be a string' })
  @Length(1, 128, { message: '$property must be 1 to 128 characters' })
  readonly correlationId: string;

  @Description('The event\'s fields, as described by its contract.')
  @IsObject({ message: '$property must be an object' })
  readonly data: Record<string, unknown>;
}
