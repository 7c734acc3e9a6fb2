import { SERVICE_TRANSPORT, type ServiceTransport } from '@globac/http';
import { type DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { MessageProcessor } from './consumer/message-processor.service';
import { DeadLetterReplays } from './dead-letters/dead-letter-replays.service';
import { DeadLetterService } from './dead-letters/dead-letter.service';
import { DeadLettersController } from './dead-letters/dead-letters.controller';
import { HandlerRegistry } from './handlers/handler-registry.service';
import { MessagingMetrics } from './messaging-metrics';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging-options';
import { NatsConnectionService } from './nats/nats-connection.service';
import { StreamProvisioner } from './nats/stream-provisioner.service';
import { OutboxFailuresController } from './outbox/outbox-failures.controller';
import { OutboxFailuresService } from './outbox/outbox-failures.service';
import { OutboxRelay } from './outbox/outbox-relay.service';
import { OutboxService } from './outbox/outbox.service';
import { IntegrationEventErrorFilter, IntegrationEventsTransport } from './transport/integration-events.transport';

/**
 * Integration events for one service: the NATS connection, stream provisioning, the outbox (service
 * and relay), the JetStream consumers as a Nest microservice transport (`IntegrationEventsTransport`,
 * serving the `@HandlesIntegrationEvent` / `@EventPattern` methods of the application's controllers;
 * `createServiceApp` connects it), dead letters and their admin endpoints. Needs the service's
 * DatabaseModule (with `messagingMigrations` in its migrations) and PlatformModule.
 */
@Module({})
export class MessagingModule {
  static forService(options: MessagingOptions): DynamicModule {
    if (!/^[a-z][a-z0-9-]*$/.test(options.service)) throw new Error(`MessagingModule: service "${options.service}" must be a kebab-case name`);
    return {
      module: MessagingModule,
      global: true,
      imports: [DiscoveryModule],
      controllers: [DeadLettersController, OutboxFailuresController],
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        NatsConnectionService,
        MessagingMetrics,
        StreamProvisioner,
        OutboxService,
        OutboxRelay,
        OutboxFailuresService,
        HandlerRegistry,
        MessageProcessor,
        DeadLetterService,
        DeadLetterReplays,
        IntegrationEventsTransport,
        {
          provide: SERVICE_TRANSPORT,
          useFactory: (strategy: IntegrationEventsTransport): ServiceTransport => ({ strategy, globalFilters: [new IntegrationEventErrorFilter()] }),
          inject: [IntegrationEventsTransport],
        },
      ],
      exports: [NatsConnectionService, OutboxService, DeadLetterService, IntegrationEventsTransport, SERVICE_TRANSPORT],
    };
  }
}
