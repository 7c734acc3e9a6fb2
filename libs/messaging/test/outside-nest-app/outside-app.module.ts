// An example Nest app OUTSIDE the platform (say, a partner's CRM) that publishes integration events into
// it and consumes them durably. It uses only @nestjs/microservices and what the messaging lib publishes
// for outside apps (IntegrationEventsClient, JetStreamEventsServer, IntegrationEventDeserializer); in
// such an app the import below reads `from '@globac/messaging'`. docs/messaging.md explains it.
import type { IntegrationEventEnvelope } from '@globac/contracts';
import { Controller, type DynamicModule, Inject, Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ClientProxy, ClientsModule, Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import { IntegrationEventsClient, type IntegrationEventPublished, JetStreamEventContext, JetStreamEventsServer } from '../../src';

export interface OutsideAppOptions {
  natsUrl: string;
  subjectPrefix: string;
}

export const GLOBAC_EVENTS = 'GLOBAC_EVENTS';

/** Publishes into the platform through the ClientProxy. */
@Injectable()
export class CrmPublisher {
  constructor(@Inject(GLOBAC_EVENTS) private readonly client: ClientProxy) {}

  /** Resolves once the producer's stream stored the event. */
  publish(subject: string, data: object): Promise<IntegrationEventPublished> {
    return lastValueFrom(this.client.emit<IntegrationEventPublished>(subject, data));
  }
}

/** Consumes the platform's company registrations, deduplicating on the envelope's id. */
@Controller()
export class CompanyMirrorController {
  readonly companies = new Map<string, { name: string; eventId: string; source: string; deliveries: number }>();
  private readonly seen = new Set<string>();

  // The type argument picks the untyped overload: the typed one wants every parameter after the first to accept `unknown`.
  @EventPattern<string>('companies.company.registered.v1')
  onRegistered(@Payload() event: IntegrationEventEnvelope<{ companyId: string; name: string }>, @Ctx() context: JetStreamEventContext) {
    const deliveries = context.getMessage().info.deliveryCount;
    // For the example's test: a company named "fail-once…" fails its first delivery, to show the retry.
    if (event.data.name.startsWith('fail-once') && deliveries === 1) throw new Error(`${event.data.name}: planned failure`);
    if (this.seen.has(event.id)) return;
    this.seen.add(event.id);
    this.companies.set(event.data.companyId, {
      name: event.data.name,
      eventId: event.id,
      source: event.source,
      deliveries,
    });
  }
}

@Module({})
export class OutsideAppModule {
  static forRoot(options: OutsideAppOptions): DynamicModule {
    return {
      module: OutsideAppModule,
      imports: [
        ClientsModule.register([
          {
            name: GLOBAC_EVENTS,
            customClass: IntegrationEventsClient,
            options: { servers: options.natsUrl, subjectPrefix: options.subjectPrefix, source: 'partner-crm' },
          },
        ]),
      ],
      controllers: [CompanyMirrorController],
      providers: [CrmPublisher],
    };
  }
}

/** Starts the outside app as a Nest microservice on the platform's JetStream (its `main`). */
export async function startOutsideApp(options: OutsideAppOptions) {
  const app = await NestFactory.createMicroservice(OutsideAppModule.forRoot(options), {
    strategy: new JetStreamEventsServer({
      servers: options.natsUrl,
      subjectPrefix: options.subjectPrefix,
      durable: 'partner-crm',
      retryDelayMs: 50,
      maxRetryDelayMs: 200,
    }),
    logger: false,
  });
  await app.listen();
  return app;
}
