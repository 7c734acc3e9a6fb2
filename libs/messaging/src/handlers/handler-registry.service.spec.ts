import { CompanyRegistered, CompanyUpdated, contractOf, type IntegrationEventEnvelope } from '@globac/contracts';
import { Injectable, Scope } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import type { EntityManager } from 'typeorm';
import { HandlerRegistry } from './handler-registry.service';
import { HandlesIntegrationEvent, HandlesIntegrationEventBatch } from './handles-integration-event.decorator';

@Injectable()
class DirectoryHandler {
  readonly seen: string[] = [];

  @HandlesIntegrationEvent(CompanyRegistered)
  async onRegistered(event: IntegrationEventEnvelope<CompanyRegistered>, _manager: EntityManager) {
    this.seen.push(`one:${event.id}`);
  }

  @HandlesIntegrationEventBatch(CompanyRegistered)
  async onRegisteredBatch(events: IntegrationEventEnvelope<CompanyRegistered>[]) {
    this.seen.push(`batch:${events.length}`);
  }

  notAHandler() {
    return 'ignored';
  }
}

@Injectable({ scope: Scope.REQUEST })
class RequestScopedHandler {
  @HandlesIntegrationEvent(CompanyUpdated)
  async onUpdated() {}
}

const envelope = (id: string) => ({ id, data: {} }) as IntegrationEventEnvelope<object>;

describe('HandlerRegistry', () => {
  it('finds decorated methods of providers, bound to their instance, with the producers to consume', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [DiscoveryModule], providers: [HandlerRegistry, DirectoryHandler] }).compile();
    const registry = moduleRef.get(HandlerRegistry);
    registry.discover();

    const handlers = registry.handlersOf(contractOf(CompanyRegistered));
    expect(handlers.map((h) => [h.name, h.batch])).toEqual([
      ['DirectoryHandler.onRegistered', false],
      ['DirectoryHandler.onRegisteredBatch', true],
    ]);
    expect(registry.handlersOf(contractOf(CompanyUpdated))).toEqual([]);
    expect(registry.consumedProducers).toEqual(['companies']);

    const manager = {} as EntityManager;
    await handlers[0].invoke([envelope('a')], manager);
    await handlers[1].invoke([envelope('b'), envelope('c')], manager);
    expect(moduleRef.get(DirectoryHandler).seen).toEqual(['one:a', 'batch:2']);
  });

  it('refuses handlers that are not singletons (they would have no instance to call)', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [DiscoveryModule], providers: [HandlerRegistry, RequestScopedHandler] }).compile();
    expect(() => moduleRef.get(HandlerRegistry).discover()).toThrow('RequestScopedHandler.onUpdated: integration-event handlers must be singleton providers');
  });
});
