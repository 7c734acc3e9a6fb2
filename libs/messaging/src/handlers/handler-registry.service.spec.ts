import { CompanyRegistered, CompanyUpdated, contractOf, type IntegrationEventEnvelope } from '@globac/contracts';
import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { EntityManager } from 'typeorm';
import type { IntegrationEventContext } from '../transport/integration-event.context';
import { HandlerRegistry } from './handler-registry.service';
import {
  HandlesIntegrationEvent,
  HandlesIntegrationEventBatch,
  INTEGRATION_EVENT_EXTRAS,
  INTEGRATION_EVENTS_TRANSPORT,
} from './handles-integration-event.decorator';

@Controller()
class DirectoryHandler {
  @HandlesIntegrationEvent(CompanyRegistered)
  async onRegistered(_event: IntegrationEventEnvelope<CompanyRegistered>, _manager: EntityManager) {}

  @HandlesIntegrationEventBatch(CompanyRegistered)
  async onRegisteredBatch(_events: IntegrationEventEnvelope<CompanyRegistered>[]) {}

  @HandlesIntegrationEvent(CompanyUpdated)
  async onUpdated(@Payload() _event: IntegrationEventEnvelope<CompanyUpdated>, @Ctx() _context: IntegrationEventContext) {}
}

const meta = (key: string, fn: unknown) => Reflect.getMetadata(key, fn as object) as unknown;
const params = (method: string) => Object.values(Reflect.getMetadata('__routeArguments__', DirectoryHandler, method) as Record<string, { index: number }>);

describe('@HandlesIntegrationEvent', () => {
  it('is an @EventPattern on the subject without the environment prefix, bound to the platform transport', () => {
    const fn = DirectoryHandler.prototype.onRegistered;
    expect(meta('microservices:pattern', fn)).toEqual(['companies.company.registered.v1']);
    expect(meta('microservices:transport', fn)).toBe(INTEGRATION_EVENTS_TRANSPORT);
    expect(meta('microservices:pattern_extras', fn)).toEqual({ [INTEGRATION_EVENT_EXTRAS]: { batch: false, handler: 'DirectoryHandler.onRegistered' } });
    expect(meta('microservices:pattern_extras', DirectoryHandler.prototype.onRegisteredBatch)).toEqual({
      [INTEGRATION_EVENT_EXTRAS]: { batch: true, handler: 'DirectoryHandler.onRegisteredBatch' },
    });
  });

  it('gives the method the (event, manager) parameters unless it declares its own', () => {
    expect(params('onRegistered').map((p) => p.index).sort()).toEqual([0, 1]);
    // Own @Payload() and @Ctx(): exactly those two, not the defaults on top.
    const own = Reflect.getMetadata('__routeArguments__', DirectoryHandler, 'onUpdated') as Record<string, unknown>;
    expect(Object.keys(own).sort()).toEqual(['3:0', '6:1']);
  });
});

describe('HandlerRegistry', () => {
  it('keeps handlers by type and version, in registration order, and the producers to consume', () => {
    const registry = new HandlerRegistry();
    const invoke = async () => undefined;
    registry.register({ contract: contractOf(CompanyRegistered), batch: false, name: 'a', invoke });
    registry.register({ contract: contractOf(CompanyRegistered), batch: true, name: 'b', invoke });
    expect(registry.handlersOf(contractOf(CompanyRegistered)).map((h) => h.name)).toEqual(['a', 'b']);
    expect(registry.handlersOf(contractOf(CompanyUpdated))).toEqual([]);
    expect(registry.consumedProducers).toEqual(['companies']);
  });
});
