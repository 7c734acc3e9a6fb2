import { randomUUID } from 'node:crypto';
import { plainToInstance } from 'class-transformer';
import { type ValidationError, validateSync } from 'class-validator';
import { EventEnvelope, type IntegrationEventEnvelope } from './envelope';
import { type EventClass, type EventContract, contractOf, findContract, isKnownEventType } from './event-registry';

/** Why a message cannot be handled, whatever the number of attempts. */
export type EventRejectionReason = 'invalid-json' | 'invalid-envelope' | 'unknown-type' | 'unknown-version' | 'invalid-data';

/** A message that will never be valid: it goes to the dead letters at once instead of being retried. */
export class EventRejectedError extends Error {
  constructor(
    readonly reason: EventRejectionReason,
    message: string,
  ) {
    super(message);
    this.name = 'EventRejectedError';
  }
}

// Unknown fields are stripped, not refused: an older consumer must tolerate a field added to a version
// (docs/event-versioning.md). Objects of unknown classes and wrong types are refused.
const VALIDATION = { whitelist: true, forbidNonWhitelisted: false, forbidUnknownValues: true, validationError: { target: false } };

function problems(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) =>
      message.startsWith(`${error.property} `) ? `${field} ${message.slice(error.property.length + 1)}` : `${field}: ${message}`,
    );
    return [...own, ...problems(error.children ?? [], field)];
  });
}

/** Parses and checks the envelope; `data` is left as received. */
export function parseEnvelope(payload: string | Uint8Array): IntegrationEventEnvelope<unknown> {
  let raw: unknown;
  try {
    raw = JSON.parse(typeof payload === 'string' ? payload : Buffer.from(payload).toString('utf8'));
  } catch (error) {
    throw new EventRejectedError('invalid-json', `not JSON: ${(error as Error).message}`);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new EventRejectedError('invalid-envelope', 'not a JSON object');
  const envelope = plainToInstance(EventEnvelope, raw);
  const errors = validateSync(envelope, VALIDATION);
  if (errors.length) throw new EventRejectedError('invalid-envelope', problems(errors).join('; '));
  return envelope;
}

/** The contract of an envelope's type and version, or a rejection naming which one is unknown. */
export function resolveContract(envelope: Pick<IntegrationEventEnvelope, 'type' | 'version'>): EventContract {
  const contract = findContract(envelope.type, envelope.version);
  if (contract) return contract;
  if (isKnownEventType(envelope.type)) {
    throw new EventRejectedError('unknown-version', `${envelope.type} has no version ${envelope.version} in this build`);
  }
  throw new EventRejectedError('unknown-type', `unknown event type ${envelope.type}`);
}

/** Validates `data` against a contract and returns it as an instance of the contract class. */
export function validateEventData<T extends object>(contract: EventContract<T> | EventClass<T>, data: unknown): T {
  const target = typeof contract === 'function' ? contract : contract.target;
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new EventRejectedError('invalid-data', 'data must be an object');
  const instance = plainToInstance(target, data as object);
  const errors = validateSync(instance, VALIDATION);
  if (errors.length) throw new EventRejectedError('invalid-data', `${contractOf(target).type}: ${problems(errors).join('; ')}`);
  return instance;
}

/** Parses, resolves and validates a message in one go. */
export function decodeIntegrationEvent(payload: string | Uint8Array): { envelope: IntegrationEventEnvelope<object>; contract: EventContract } {
  const envelope = parseEnvelope(payload);
  const contract = resolveContract(envelope);
  return { envelope: { ...envelope, data: validateEventData(contract, envelope.data) }, contract };
}

export interface EnvelopeOptions {
  /** Defaults to a new UUID. */
  id?: string;
  /** Defaults to now. */
  occurredOn?: Date | string;
  /** The producing service. */
  source: string;
  /** Defaults to the event id (the event starts a chain of its own). */
  correlationId?: string;
}

/** Wraps validated data of a contract in an envelope. Throws `EventRejectedError` when the data is not valid. */
export function createEnvelope<T extends object>(contract: EventClass<T>, data: T, options: EnvelopeOptions): IntegrationEventEnvelope<T> {
  const { type, version } = contractOf(contract);
  // The validated copy: fields outside the contract never reach the wire.
  const valid = validateEventData(contract, data);
  const id = options.id ?? randomUUID();
  const occurredOn = options.occurredOn instanceof Date ? options.occurredOn.toISOString() : (options.occurredOn ?? new Date().toISOString());
  return { id, type, version, occurredOn, source: options.source, correlationId: options.correlationId ?? id, data: valid };
}
