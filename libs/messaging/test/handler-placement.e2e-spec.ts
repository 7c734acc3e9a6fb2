import { ServiceConfig } from '@globac/config';
import { CompanyRegistered, type IntegrationEventEnvelope } from '@globac/contracts';
import { DatabaseModule } from '@globac/database';
import { PlatformModule } from '@globac/http';
import { Controller, type DynamicModule, Injectable, Module } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import type { EntityManager } from 'typeorm';
import { HandlesIntegrationEvent, MessagingModule, messagingMigrations } from '../src';
import { newPrefix } from './support/messaging-apps';
import { dropTestDatabase, startTestService, uniqueName } from './support/testing';

jest.setTimeout(60_000);

/** A handler on a plain provider: Nest looks for message handlers in controllers only, so it would never run. */
@Injectable()
class ProviderHandler {
  @HandlesIntegrationEvent(CompanyRegistered)
  async onRegistered(_event: IntegrationEventEnvelope<CompanyRegistered>, _manager: EntityManager) {}
}

@Injectable()
class RawPatternProvider {
  @EventPattern('companies.company.registered.v1')
  async onRegistered(_event: unknown) {}
}

/** A controller handling a subject no contract has (the prefix written into the pattern). */
@Controller()
class WrongSubjectHandler {
  @EventPattern('globac.companies.company.registered.v1')
  async onRegistered(_event: unknown) {}
}

@Module({})
class PlacementTestModule {
  static with(config: ServiceConfig, parts: { providers?: (new (...args: never[]) => unknown)[]; controllers?: (new (...args: never[]) => unknown)[] }): DynamicModule {
    return {
      module: PlacementTestModule,
      imports: [
        PlatformModule.forService(ServiceConfig, config),
        DatabaseModule.forService({ entities: [], migrations: [...messagingMigrations] }),
        MessagingModule.forService({ service: 'placement' }),
      ],
      providers: parts.providers ?? [],
      controllers: parts.controllers ?? [],
    };
  }
}

const start = (databaseName: string, parts: Parameters<typeof PlacementTestModule.with>[1]) =>
  startTestService({
    service: 'placement',
    configClass: ServiceConfig,
    createModule: (config) => PlacementTestModule.with(config, parts),
    env: { DATABASE_NAME: databaseName, NATS_SUBJECT_PREFIX: newPrefix() },
  });

describe('handlers declared where the transport does not look fail the start (issue 13, item 7)', () => {
  const databases: string[] = [];
  const database = () => {
    const name = uniqueName('globac_test_placement');
    databases.push(name);
    return name;
  };
  afterAll(async () => {
    for (const name of databases) await dropTestDatabase(name);
  });

  it('names each event handler declared on a provider that is not a controller', async () => {
    const failure = start(database(), { providers: [ProviderHandler, RawPatternProvider] });
    await expect(failure).rejects.toThrow(/not controllers.*ProviderHandler\.onRegistered, RawPatternProvider\.onRegistered/);
  });

  it('names a handler whose pattern is not the subject of any integration event', async () => {
    await expect(start(database(), { controllers: [WrongSubjectHandler] })).rejects.toThrow(
      /no integration event.*@EventPattern\('globac\.companies\.company\.registered\.v1'\)/,
    );
  });

  it('starts with the same handler declared on a controller', async () => {
    @Controller()
    class ControllerHandler extends ProviderHandler {}
    const app = await start(database(), { controllers: [ControllerHandler] });
    await app.stop();
  });
});
