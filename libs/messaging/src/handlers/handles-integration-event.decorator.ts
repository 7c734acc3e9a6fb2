import type { EventClass, IntegrationEventEnvelope } from '@globac/contracts';
import type { EntityManager } from 'typeorm';

export const INTEGRATION_EVENT_HANDLER = 'globac:integration-event-handler';

export interface HandlerMetadata {
  contract: EventClass;
  batch: boolean;
}

/** A handler of one event: its effects go through `manager`, inside the transaction that also writes the inbox row. */
export type IntegrationEventHandler<T> = (event: IntegrationEventEnvelope<T>, manager: EntityManager) => Promise<unknown>;

/** A handler of several events of one type at once (consecutive in the stream), in one transaction. */
export type IntegrationEventBatchHandler<T> = (events: IntegrationEventEnvelope<T>[], manager: EntityManager) => Promise<unknown>;

function mark(target: object, key: string | symbol, descriptor: PropertyDescriptor, metadata: HandlerMetadata) {
  if (typeof descriptor.value !== 'function') throw new Error(`${target.constructor.name}.${String(key)} is not a method`);
  const existing: HandlerMetadata[] = Reflect.getMetadata(INTEGRATION_EVENT_HANDLER, descriptor.value) ?? [];
  Reflect.defineMetadata(INTEGRATION_EVENT_HANDLER, [...existing, metadata], descriptor.value);
}

/**
 * Makes a method of an `@Injectable()` provider (in a `*.handler.ts` file) the handler of an
 * integration event. The messaging lib finds it, consumes the producer's stream and calls it once per
 * event id, ever: with the typed envelope and the EntityManager of the transaction that also records
 * the event in the inbox. Write every effect through that manager; throw to have the message retried.
 *
 * @example
 * ＠HandlesIntegrationEvent(CompanyRegistered)
 * async onRegistered(event: IntegrationEventEnvelope<CompanyRegistered>, manager: EntityManager) { ... }
 */
export function HandlesIntegrationEvent<T extends object>(contract: EventClass<T>) {
  return <M extends IntegrationEventHandler<T>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<M>): void =>
    mark(target, key, descriptor, { contract, batch: false });
}

/**
 * Like `@HandlesIntegrationEvent`, but the method gets every new event of the type found consecutively in
 * a fetched batch at once, so that it can write them with one statement (a multi-row insert): one
 * commit per message would cap the consumer near the database's commit rate.
 */
export function HandlesIntegrationEventBatch<T extends object>(contract: EventClass<T>) {
  return <M extends IntegrationEventBatchHandler<T>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<M>): void =>
    mark(target, key, descriptor, { contract, batch: true });
}
