import { ServiceConfig } from '@globac/config';
import { MetricsService } from '@globac/observability';
import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DeadLetterService } from '../dead-letters/dead-letter.service';
import { HandlerRegistry } from '../handlers/handler-registry.service';
import { MessagingMetrics } from '../messaging-metrics';
import { NatsConnectionService } from '../nats/nats-connection.service';
import { StreamProvisioner } from '../nats/stream-provisioner.service';
import { backoffDelay, WakeSignal } from '../support/wake-signal';
import { ConsumerRunner } from './consumer-runner';
import { MessageProcessor } from './message-processor.service';

const INFO_TIMEOUT_MS = 1000;

/**
 * Starts messaging once the application is up: finds the handlers, provisions streams and durable
 * consumers (again after every reconnect), and runs one consumer per producer stream the handlers
 * need. Stops the consumers first on shutdown, before NATS drains and the database closes.
 */
@Injectable()
export class EventConsumers implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Messaging');
  private readonly wake = new WakeSignal();
  private runners: ConsumerRunner[] = [];
  private producers: string[] = [];
  private stopping = false;
  private provisioning?: Promise<void>;
  private unsubscribe?: () => void;
  private pendingInfos?: ReturnType<EventConsumers['consumerInfos']>;

  constructor(
    private readonly config: ServiceConfig,
    private readonly nats: NatsConnectionService,
    private readonly provisioner: StreamProvisioner,
    private readonly handlers: HandlerRegistry,
    private readonly processor: MessageProcessor,
    private readonly deadLetters: DeadLetterService,
    private readonly metrics: MessagingMetrics,
    private readonly registry: MetricsService,
  ) {}

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

  onApplicationBootstrap() {
    this.handlers.discover();
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
    // First connect and every reconnect: make sure streams and consumers exist, then (once) start reading.
    this.unsubscribe = this.nats.onConnected(() => {
      this.provisioning ??= this.provisionUntilDone().finally(() => (this.provisioning = undefined));
    });
  }

  async onModuleDestroy() {
    this.stopping = true;
    this.unsubscribe?.();
    this.wake.notify();
    await this.provisioning;
    await Promise.all(this.runners.map((runner) => runner.stop()));
  }

  // Retries while connected; a disconnect ends the attempt and the next reconnect starts another.
  private async provisionUntilDone() {
    for (let attempt = 1; !this.stopping && this.nats.isConnected; attempt++) {
      try {
        await this.provisioner.provision(this.producers);
        for (const runner of this.runners) runner.start();
        return;
      } catch (error) {
        if (attempt === 1 || attempt % 20 === 0) this.logger.warn(`cannot provision streams (${attempt}x): ${(error as Error).message}`);
        await this.wake.wait(backoffDelay(attempt, 250, 10_000));
      }
    }
  }
}
