import { randomUUID } from 'node:crypto';
import { ServiceConfig } from '@globac/config';
import { CompanyRegistered, CompanyUpdated, createEnvelope, type IntegrationEventEnvelope } from '@globac/contracts';
import { DatabaseModule } from '@globac/database';
import { PlatformModule } from '@globac/http';
import { jetstream } from '@nats-io/jetstream';
import {
  type CallHandler,
  Catch,
  Controller,
  type DynamicModule,
  type ExecutionContext,
  Injectable,
  Module,
  type NestInterceptor,
  type RpcExceptionFilter,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import { type Observable, of, tap } from 'rxjs';
import { EntityManager } from 'typeorm';
import { HandlesIntegrationEvent, IntegrationEventContext, MessagingModule, messagingMigrations } from '../src';
import { jetstreamManager } from '@nats-io/jetstream';
import { DataSource } from 'typeorm';
import { OutboxService, producerStreamName } from '../src';
import { LedgerHandler } from './support/ledger.handler';
import { ledgerOf, metric, natsClient, newPrefix, startMessagingApp } from './support/messaging-apps';
import { testCompany } from './support/test-companies.controller';
import { deleteTestStreams, dropTestDatabase, eventually, startTestService, uniqueName } from './support/testing';

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

const start = (databaseName: string, parts: Parameters<typeof PlacementTestModule.with>[1], prefix = newPrefix()) =>
  startTestService({
    service: 'placement',
    configClass: ServiceConfig,
    createModule: (config) => PlacementTestModule.with(config, parts),
    env: { DATABASE_NAME: databaseName, NATS_SUBJECT_PREFIX: prefix, MESSAGING_RETRY_DELAY_MS: '50', MESSAGING_RETRY_MAX_DELAY_MS: '100' },
  });

/** An error the handler's own filter deals with: the event is stale, nothing to do. */
class StaleEventError extends Error {}

@Catch(StaleEventError)
class StaleEventFilter implements RpcExceptionFilter<StaleEventError> {
  static caught = 0;
  catch(): Observable<undefined> {
    StaleEventFilter.caught++;
    return of(undefined);
  }
}

/** Sees what an interceptor of the platform transport can reach: the envelope and the transaction. */
@Injectable()
class RecordingInterceptor implements NestInterceptor {
  static readonly seen: { type: string; eventId: string; hasTransaction: boolean; after: boolean }[] = [];
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const rpc = context.switchToRpc().getContext<IntegrationEventContext>();
    const entry = { type: context.getType(), eventId: rpc.envelope.id, hasTransaction: rpc.manager instanceof EntityManager, after: false };
    RecordingInterceptor.seen.push(entry);
    return next.handle().pipe(tap(() => (entry.after = true)));
  }
}

@Controller()
@UseInterceptors(RecordingInterceptor)
@UseFilters(StaleEventFilter)
class EnhancedHandler {
  readonly handled: string[] = [];

  @HandlesIntegrationEvent(CompanyRegistered)
  async onRegistered(event: IntegrationEventEnvelope<CompanyRegistered>, manager: EntityManager) {
    await manager.query('SELECT 1');
    this.handled.push(event.id);
  }

  @HandlesIntegrationEvent(CompanyUpdated)
  async onUpdated() {
    throw new StaleEventError('already newer');
  }
}

describe('the JetStream transport in Nest: handlers only where Nest calls them (issue 13, item 7), its enhancers around them', () => {
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

  it("applies the controller's Nest interceptors and RPC exception filters around each event", async () => {
    const prefix = newPrefix();
    const app = await start(database(), { controllers: [EnhancedHandler] }, prefix);
    const nc = await natsClient();
    try {
      await eventually(async () => expect((await app.http().get('/metrics').expect(200)).text).toContain('messaging_consumer_lag{'));
      const registered = createEnvelope(CompanyRegistered, testCompany(randomUUID(), 'Intercepted AB'), { source: 'companies' });
      const updated = createEnvelope(CompanyUpdated, { companyId: randomUUID(), changes: { name: 'Stale AB' }, effectiveFrom: new Date().toISOString(), revision: 2 }, { source: 'companies' });
      const js = jetstream(nc);
      await js.publish(`${prefix}.companies.company.registered.v1`, JSON.stringify(registered), { msgID: registered.id });
      await js.publish(`${prefix}.companies.company.updated.v1`, JSON.stringify(updated), { msgID: updated.id });

      await eventually(async () => expect(await metric(app, 'messaging_consumed_total', { outcome: 'handled' })).toBe(2));
      expect(app.app.get(EnhancedHandler).handled).toEqual([registered.id]);
      expect(RecordingInterceptor.seen).toEqual([
        { type: 'rpc', eventId: registered.id, hasTransaction: true, after: true },
        { type: 'rpc', eventId: updated.id, hasTransaction: true, after: false },
      ]);
      // The filter turned the stale update into a success: handled once, never retried or dead-lettered.
      expect(StaleEventFilter.caught).toBe(1);
      expect(await metric(app, 'messaging_redelivered_total')).toBe(0);
      expect(await metric(app, 'messaging_dead_lettered_total')).toBe(0);
    } finally {
      await nc.close();
      await app.stop();
      await deleteTestStreams(prefix);
    }
  });

  it('stops with the app: the batch in flight commits and is acknowledged before NATS drains and the pool closes', async () => {
    const prefix = newPrefix();
    const producer = await startMessagingApp('producer', { prefix });
    let consumer = await startMessagingApp('consumer', { prefix });
    const nc = await natsClient();
    try {
      const [{ id }] = await producer.app.get(DataSource).transaction((manager) =>
        producer.app.get(OutboxService).addMany(manager, CompanyRegistered, [{ data: testCompany(randomUUID(), 'slow:1500') }]),
      );
      await eventually(async () => expect(consumer.app.get(LedgerHandler).attempts.get(id)).toBe(1));
      // SIGTERM's path while the handler is inside its transaction.
      await consumer.stop();
      expect(await ledgerOf(consumer, ['slow:1500'])).toEqual({ rows: 1, events: 1 });
      const info = await (await jetstreamManager(nc)).consumers.info(producerStreamName(prefix, 'companies'), 'ledger');
      expect({ pending: info.num_pending, ackPending: info.num_ack_pending }).toEqual({ pending: 0, ackPending: 0 });
      // Started again: nothing comes back (no redelivery, no duplicate).
      consumer = await startMessagingApp('consumer', { prefix, databaseName: consumer.config.DATABASE_NAME });
      await eventually(async () => expect((await consumer.http().get('/metrics').expect(200)).text).toContain('messaging_consumer_lag{'));
      expect(await metric(consumer, 'messaging_consumed_total')).toBe(0);
    } finally {
      await nc.close();
      await producer.close();
      await consumer.close();
      await deleteTestStreams(prefix);
    }
  });
});
