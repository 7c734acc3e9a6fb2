import { contractOf, type EventContract, type IntegrationEventEnvelope } from '@globac/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import { type HandlerMetadata, INTEGRATION_EVENT_HANDLER } from './handles-integration-event.decorator';

/** A discovered handler method, bound to its provider instance. */
export interface RegisteredHandler {
  readonly contract: EventContract;
  readonly batch: boolean;
  /** `Class.method`, for logs. */
  readonly name: string;
  invoke(events: IntegrationEventEnvelope<object>[], manager: EntityManager): Promise<void>;
}

/** Finds the `@HandlesIntegrationEvent` methods of every provider of the application. */
@Injectable()
export class HandlerRegistry {
  private readonly logger = new Logger('Messaging');
  private readonly handlers = new Map<string, RegisteredHandler[]>();
  private discovered = false;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  discover(): void {
    if (this.discovered) return;
    this.discovered = true;
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const fn = instance[method];
        if (typeof fn !== 'function') continue;
        const metadata: HandlerMetadata[] | undefined = Reflect.getMetadata(INTEGRATION_EVENT_HANDLER, fn);
        if (!metadata) continue;
        if (!wrapper.isDependencyTreeStatic()) {
          throw new Error(`${instance.constructor.name}.${method}: integration-event handlers must be singleton providers`);
        }
        for (const { contract: target, batch } of metadata) {
          const contract = contractOf(target);
          const name = `${instance.constructor.name}.${method}`;
          const bound = (fn as (...args: unknown[]) => Promise<unknown>).bind(instance);
          const handler: RegisteredHandler = {
            contract,
            batch,
            name,
            invoke: batch
              ? async (events, manager) => void (await bound(events, manager))
              : async (events, manager) => {
                  for (const event of events) await bound(event, manager);
                },
          };
          const key = `${contract.type}@${contract.version}`;
          this.handlers.set(key, [...(this.handlers.get(key) ?? []), handler]);
          this.logger.log(`${name} handles ${contract.type} v${contract.version}`);
        }
      }
    }
  }

  /** The handlers of one event type and version, in discovery order. */
  handlersOf(contract: Pick<EventContract, 'type' | 'version'>): readonly RegisteredHandler[] {
    return this.handlers.get(`${contract.type}@${contract.version}`) ?? [];
  }

  /** The producers whose streams this service consumes. */
  get consumedProducers(): string[] {
    return [...new Set([...this.handlers.values()].flat().map((h) => h.contract.producer))].sort();
  }
}
