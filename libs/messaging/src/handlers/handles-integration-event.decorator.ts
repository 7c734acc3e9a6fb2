import { contractOf, type EventClass, type IntegrationEventEnvelope } from '@globac/contracts';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { EntityManager } from 'typeorm';
import type { IntegrationEventContext } from '../transport/integration-event.context';

/** The id of the platform's JetStream transport: handlers declared with the typed decorators bind to it only. */
export const INTEGRATION_EVENTS_TRANSPORT = Symbol('globac-integration-events');

/** What the typed decorators add to `@EventPattern`'s extras (read back by the transport). */
export interface IntegrationEventPatternExtras {
  /** The handler takes the run of consecutive events of its type at once (an array). */
  readonly batch: boolean;
  /** `Class.method`, for logs and start-up errors. */
  readonly handler: string;
}

export const INTEGRATION_EVENT_EXTRAS = 'integrationEvent';

// Nest's own metadata key for handler parameters (ROUTE_ARGS_METADATA, which @Payload() and
// createParamDecorator write to).
const PARAM_ARGS_METADATA = '__routeArguments__';

/** A handler of one event: its effects go through `manager`, inside the transaction that also writes the inbox row. */
export type IntegrationEventHandler<T> = (event: IntegrationEventEnvelope<T>, manager: EntityManager) => Promise<unknown>;

/** A handler of several events of one type at once (consecutive in the stream), in one transaction. */
export type IntegrationEventBatchHandler<T> = (events: IntegrationEventEnvelope<T>[], manager: EntityManager) => Promise<unknown>;

/**
 * The EntityManager of the transaction that records the event in the inbox, as a handler parameter:
 * `@HandlesIntegrationEvent(X) on(@Payload() event, @EventTransaction() manager)`. The typed
 * decorators give the second parameter this by default.
 */
export const EventTransaction = createParamDecorator(
  (_data: unknown, context: ExecutionContext): EntityManager => context.switchToRpc().getContext<IntegrationEventContext>().manager,
);

function declare(contract: EventClass, batch: boolean): MethodDecorator {
  const { subject } = contractOf(contract);
  return (target, key, descriptor) => {
    if (typeof descriptor.value !== 'function') throw new Error(`${target.constructor.name}.${String(key)} is not a method`);
    const handler = `${target.constructor.name}.${String(key)}`;
    const extras: Record<string, IntegrationEventPatternExtras> = { [INTEGRATION_EVENT_EXTRAS]: { batch, handler } };
    EventPattern(subject, INTEGRATION_EVENTS_TRANSPORT, extras)(target, key, descriptor as never);
    // Parameter decorators run before method decorators: when the method has none of its own, keep the
    // platform's `(event, manager)` signature by declaring them here.
    if (!Reflect.getMetadata(PARAM_ARGS_METADATA, target.constructor, key)) {
      Payload()(target, key as string, 0);
      EventTransaction()(target, key, 1);
    }
    return descriptor;
  };
}

/**
 * Makes a method of a `@Controller()` (in a `*.handler.ts` file) the handler of an integration event: an
 * `@EventPattern` on the event's subject (without the environment prefix, e.g.
 * `companies.company.registered.v1`), served by the platform's JetStream transport. It is called once
 * per event id, ever: with the validated envelope and the EntityManager of the transaction that also
 * records the event in the inbox. Write every effect through that manager; throw to have the message
 * retried. Nest's guards, interceptors, pipes and RPC exception filters of the controller apply; the
 * `IntegrationEventContext` (`@Ctx()`) holds the envelope, the subject and the manager too.
 *
 * @example
 * ＠HandlesIntegrationEvent(CompanyRegistered)
 * async onRegistered(event: IntegrationEventEnvelope<CompanyRegistered>, manager: EntityManager) { ... }
 */
export function HandlesIntegrationEvent<T extends object>(contract: EventClass<T>) {
  return <M extends IntegrationEventHandler<T> | ((event: IntegrationEventEnvelope<T>, context: IntegrationEventContext) => Promise<unknown>)>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<M>,
  ): void => void declare(contract, false)(target, key, descriptor);
}

/**
 * Like `@HandlesIntegrationEvent`, but the method gets every new event of the type found consecutively in
 * a batch at once (an array of envelopes), so that it can write them with one statement (a multi-row
 * insert): one commit per message would cap the consumer near the database's commit rate.
 */
export function HandlesIntegrationEventBatch<T extends object>(contract: EventClass<T>) {
  return <M extends IntegrationEventBatchHandler<T> | ((events: IntegrationEventEnvelope<T>[], context: IntegrationEventContext) => Promise<unknown>)>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<M>,
  ): void => void declare(contract, true)(target, key, descriptor);
}
