import type { EventContract, IntegrationEventEnvelope } from '@globac/contracts';
import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A handler of one event type and version, as the transport registered it. */
export interface RegisteredHandler {
  readonly contract: EventContract;
  readonly batch: boolean;
  /** `Class.method`, for logs. */
  readonly name: string;
  /** Runs the handler for events of its contract (a single-event handler: one after the other). */
  invoke(events: IntegrationEventEnvelope<object>[], manager: EntityManager): Promise<void>;
}

/**
 * The handlers of this service by event type and version. The transport fills it from the
 * `@EventPattern` handlers Nest gives it when the microservice starts; the message processor (consumers
 * and dead-letter replay) reads it.
 */
@Injectable()
export class HandlerRegistry {
  private readonly logger = new Logger('Messaging');
  private readonly handlers = new Map<string, RegisteredHandler[]>();

  register(handler: RegisteredHandler): void {
    const key = `${handler.contract.type}@${handler.contract.version}`;
    this.handlers.set(key, [...(this.handlers.get(key) ?? []), handler]);
    this.logger.log(`${handler.name} handles ${handler.contract.type} v${handler.contract.version}`);
  }

  clear(): void {
    this.handlers.clear();
  }

  /** The handlers of one event type and version, in registration order. */
  handlersOf(contract: Pick<EventContract, 'type' | 'version'>): readonly RegisteredHandler[] {
    return this.handlers.get(`${contract.type}@${contract.version}`) ?? [];
  }

  /** The producers whose streams this service consumes. */
  get consumedProducers(): string[] {
    return [...new Set([...this.handlers.values()].flat().map((h) => h.contract.producer))].sort();
  }
}
