import { ServiceConfig } from '@globac/config';
import { allContracts, type EventContract } from '@globac/contracts';
import { MetricsService } from '@globac/observability';
import { type ArgumentsHost, Catch, Injectable, Logger, type OnModuleInit, type RpcExceptionFilter } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { type CustomTransportStrategy, type MessageHandler, Server } from '@nestjs/microservices';
import { isObservable, lastValueFrom, type Observable, throwError } from 'rxjs';
import { ConsumerRunner } from '../consumer/consumer-runner';
import { MessageProcessor } from '../consumer/message-processor.service';
import { DeadLetterService } from '../dead-letters/dead-letter.service';
import { HandlerRegistry } from '../handlers/handler-registry.service';
import {
  INTEGRATION_EVENT_EXTRAS,
  INTEGRATION_EVENTS_TRANSPORT,
  type IntegrationEventPatternExtras,
} from '../handlers/handles-integration-event.decorator';
import { MessagingMetrics } from '../messaging-metrics';
import { NatsConnectionService } from '../nats/nats-connection.service';
import { StreamProvisioner } from '../nats/stream-provisioner.service';
import { backoffDelay, WakeSignal } from '../support/wake-signal';
import { IntegrationEventContext } from './integration-event.context';

const INFO_TIMEOUT_MS = 1000;
// @nestjs/microservices' metadata key of @EventPattern/@MessagePattern (constants.js, not exported by the package root).
const PATTERN_METADATA = 'microservices:pattern';

/** Raised at start for handlers the transport cannot serve; names each one. */
export class MisplacedHandlerError extends Error {
  override readonly name = 'MisplacedHandlerError';
}

/**
 * The transport's own last-resort RPC exception filter: hands the handler's error back unchanged (Nest's
 * default turns it into `{ status: 'error', message: 'Internal server error' }` and logs it), so that
 * the consumer can tell a database outage from a failing handler and log it once. Filters of the
 * handler's controller or method come first, as in any Nest app.
 */
@Catch()
export class IntegrationEventErrorFilter implements RpcExceptionFilter<unknown> {
  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => exception);
  }
}

interface NestEventHandler {
  pattern: string;
  callback: MessageHandler;
  extras?: Record<string, unknown>;
}

/**
 * The platform's JetStream consumers as a custom transport strategy of `@nestjs/microservices`, started
 * by `app.startAllMicroservices()` and closed with the app (see `createServiceApp`). Nest hands it the
 * `@EventPattern` handlers of the application's controllers (the typed `@HandlesIntegrationEvent` is
 * one); it provisions the streams and one durable pull consumer per producer stream they need (again
 * after every reconnect), and runs them. Each batch goes through the `MessageProcessor`: inbox and
 * effects in one transaction, then ack; failures are retried with backoff or dead-lettered.
 */
@Injectable()
export class IntegrationEventsTransport extends Server implements CustomTransportStrategy, OnModuleInit {
  // Errors reach the consumer (which retries them) instead of being logged and dropped by Nest.
  override propagatesEventHandlerErrors = true;
  private readonly log = new Logger('Messaging');
  private readonly wake = new WakeSignal();
  private readonly nestHandlers: NestEventHandler[] = [];
  private runners: ConsumerRunner[] = [];
  private producers: string[] = [];
  private listening = false;
  private stopping = false;
  private provisioning?: Promise<void>;
  private unsubscribe?: () => void;
  private pendingInfos?: ReturnType<IntegrationEventsTransport['consumerInfos']>;

  constructor(
    private readonly config: ServiceConfig,
    private readonly nats: NatsConnectionService,
    private readonly provisioner: StreamProvisioner,
    private readonly handlers: HandlerRegistry,
    private readonly processor: MessageProcessor,
    private readonly deadLetters: DeadLetterService,
    private readonly metrics: MessagingMetrics,
    private readonly registry: MetricsService,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {
    super();
    this.transportId = INTEGRATION_EVENTS_TRANSPORT;
  }

  onModuleInit() {
    const lag = (field: 'num_pending' | 'num_ack_pending') => {
      const infos = () => this.consumerInfos();
      return async function (this: { set(labels: Record<string, string>, value: number): void }) {
        for (const { stream, consumer, info } of await infos()) this.set({ stream, consumer }, info[field]);
      };
    };
    this.registry.gauge('messaging_consumer_lag', 'Messages in the stream not yet delivered to this consumer (num_pending).', ['stream', 'consumer'], lag('num_pending'));
    this.registry.gauge(
      'messaging_consumer_ack_pending',
      'Messages delivered to this consumer and not yet acknowledged.',
      ['stream', 'consumer'],
      lag('num_ack_pending'),
    );
  }

  /**
   * Nest registers every `@EventPattern` handler of the controllers here. Several handlers of one
   * subject are kept apart (Nest's base class chains them to run concurrently): they share one
   * transaction, so they run one after the other, in declaration order.
   */
  override addHandler(pattern: unknown, callback: MessageHandler, isEventHandler = false, extras: Record<string, unknown> = {}): void {
    const name = typeof pattern === 'string' ? pattern : JSON.stringify(pattern);
    if (!isEventHandler) {
      throw new MisplacedHandlerError(
        `@MessagePattern(${name}): the integration-events transport carries events only (no replies); use @EventPattern or @HandlesIntegrationEvent`,
      );
    }
    this.nestHandlers.push({ pattern: this.normalizePattern(pattern as string), callback, extras });
  }

  /** Called by `startAllMicroservices()`: checks and registers the handlers, then consumes (NATS may still be away: it connects when it can). */
  listen(callback: (error?: unknown) => void): void {
    try {
      this.assertNoHandlersOutsideControllers();
      this.registerHandlers();
    } catch (error) {
      callback(error);
      return;
    }
    this.listening = true;
    this.producers = this.handlers.consumedProducers;
    this.runners = this.producers.map(
      (producer) =>
        new ConsumerRunner(this.provisioner.bindingFor(producer), {
          config: this.config,
          nats: this.nats,
          processor: this.processor,
          deadLetters: this.deadLetters,
          metrics: this.metrics,
          reprovision: () => this.provisioner.provision(this.producers),
        }),
    );
    // Provisions the service's own stream and the dead-letter stream even when it consumes nothing.
    this.unsubscribe = this.nats.onConnected(() => {
      this.provisioning ??= this.provisionUntilDone().finally(() => (this.provisioning = undefined));
    });
    this._status$.next('listening');
    callback();
  }

  /** Closed with the app, after HTTP stops and before the database pool closes: finishes the batches in flight, gives the rest back. */
  async close(): Promise<void> {
    this.stopping = true;
    this.unsubscribe?.();
    this.wake.notify();
    await this.provisioning;
    await Promise.all(this.runners.map((runner) => runner.stop()));
    if (this.listening) this._status$.next('closed');
  }

  on(): never {
    throw new Error('IntegrationEventsTransport has no events to listen to: read `status`, the readiness details or the metrics');
  }

  /** The service's NATS connection holder. */
  unwrap<T>(): T {
    return this.nats as T;
  }

  /**
   * Nest only looks for message handlers in controllers: an `@EventPattern` (or `@HandlesIntegrationEvent`)
   * on any other provider would never be called. Fail the start, naming each one.
   */
  private assertNoHandlersOutsideControllers() {
    const misplaced: string[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || instance === this) continue;
      for (const method of this.scanner.getAllMethodNames(Object.getPrototypeOf(instance) as object)) {
        const fn = instance[method];
        if (typeof fn === 'function' && Reflect.getMetadata(PATTERN_METADATA, fn)) misplaced.push(`${instance.constructor.name}.${method}`);
      }
    }
    if (misplaced.length) {
      throw new MisplacedHandlerError(
        `event handlers declared on providers that are not controllers, where Nest never calls them: ${misplaced.join(', ')}. ` +
          'Declare their classes with @Controller() and list them in their module\'s "controllers" (docs/messaging.md, "Handling an event")',
      );
    }
  }

  private registerHandlers() {
    const bySubject = new Map<string, EventContract>(allContracts().map((c) => [c.subject, c]));
    this.handlers.clear();
    const unknown: string[] = [];
    for (const { pattern, callback, extras } of this.nestHandlers) {
      const declared = extras?.[INTEGRATION_EVENT_EXTRAS] as IntegrationEventPatternExtras | undefined;
      const name = declared?.handler ?? `@EventPattern('${pattern}')`;
      const contract = bySubject.get(pattern);
      if (!contract) {
        unknown.push(`${name} (${pattern})`);
        continue;
      }
      const call = async (payload: unknown, envelopes: IntegrationEventContext['envelopes'], manager: IntegrationEventContext['manager']) => {
        const result: unknown = await callback(payload, new IntegrationEventContext([pattern, envelopes, manager]));
        // With interceptors or a failing handler, Nest answers with an observable: its error is the handler's.
        if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
      };
      this.handlers.register({
        contract,
        batch: declared?.batch ?? false,
        name,
        invoke: declared?.batch
          ? (events, manager) => call(events, events, manager)
          : async (events, manager) => {
              for (const event of events) await call(event, [event], manager);
            },
      });
    }
    if (unknown.length) {
      throw new MisplacedHandlerError(
        `event handlers on subjects no integration event of this build has: ${unknown.join(', ')}. ` +
          'The pattern is the subject without the environment prefix, e.g. companies.company.registered.v1',
      );
    }
  }

  /**
   * The durable consumers' state as NATS reports it, one request per consumer. Callers at the same
   * moment share the requests: a scrape collects both gauges at once.
   */
  private consumerInfos(): Promise<{ stream: string; consumer: string; info: { num_pending: number; num_ack_pending: number } }[]> {
    this.pendingInfos ??= (async () => {
      if (!this.nats.isConnected) return [];
      const jsm = await this.nats.jetstreamManager();
      const infos = await Promise.all(
        this.runners.map(async ({ binding }) => {
          const info = await Promise.race([
            jsm.consumers.info(binding.stream, binding.durable),
            new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), INFO_TIMEOUT_MS).unref()),
          ]).catch(() => undefined);
          return info ? [{ stream: binding.stream, consumer: binding.durable, info }] : [];
        }),
      );
      return infos.flat();
    })().finally(() => {
      this.pendingInfos = undefined;
    });
    return this.pendingInfos;
  }

  // Retries while connected; a disconnect ends the attempt and the next reconnect starts another.
  private async provisionUntilDone() {
    for (let attempt = 1; !this.stopping && this.nats.isConnected; attempt++) {
      try {
        await this.provisioner.provision(this.producers);
        for (const runner of this.runners) runner.start();
        return;
      } catch (error) {
        if (attempt === 1 || attempt % 20 === 0) this.log.warn(`cannot provision streams (${attempt}x): ${(error as Error).message}`);
        await this.wake.wait(backoffDelay(attempt, 250, 10_000));
      }
    }
  }
}
