import { ServiceConfig } from '@globac/config';
import type { ConsumerMessages, JsMsg } from '@nats-io/jetstream';
import { Logger } from '@nestjs/common';
import type { DeadLetterService } from '../dead-letters/dead-letter.service';
import type { MessagingMetrics } from '../messaging-metrics';
import type { NatsConnectionService } from '../nats/nats-connection.service';
import type { ConsumerBinding } from '../nats/stream-provisioner.service';
import { backoffDelay, WakeSignal } from '../support/wake-signal';
import { BoundedBuffer } from './bounded-buffer';
import type { MessageProcessor, ProcessOutcome } from './message-processor.service';

const CONTENTION_TRACKED = 10_000;

export interface ConsumerRunnerDeps {
  config: ServiceConfig;
  nats: NatsConnectionService;
  processor: MessageProcessor;
  deadLetters: DeadLetterService;
  metrics: MessagingMetrics;
  /** Recreates streams and consumers (after the server lost them). */
  reprovision: () => Promise<void>;
}

/**
 * Reads one durable pull consumer: a reader moves messages from `consume()` into a bounded buffer, the
 * batch loop takes whatever is there (up to the batch size), has the processor commit their effects,
 * and only then acks, naks (with backoff) or dead-letters each message. On stop it finishes the batch
 * in flight and gives the rest back to the server.
 */
export class ConsumerRunner {
  private readonly logger: Logger;
  private readonly wake = new WakeSignal();
  private stopping = false;
  private messages?: ConsumerMessages;
  private buffer?: BoundedBuffer<JsMsg>;
  private done?: Promise<void>;
  /**
   * Contention failures (deadlocks, serialization failures, lock time-outs) per stream sequence. Kept
   * here because JetStream's delivery count also counts deliveries failed by a database outage, which
   * must not count. Per replica and process: a message moving to another replica starts again, which
   * delays its dead letter but cannot keep it looping for ever.
   */
  private readonly contention = new Map<number, number>();

  constructor(
    readonly binding: ConsumerBinding,
    private readonly deps: ConsumerRunnerDeps,
  ) {
    this.logger = new Logger(`Consumer ${binding.stream}/${binding.durable}`);
  }

  start(): void {
    this.done ??= this.loop();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.buffer?.close();
    this.wake.notify();
    await this.messages?.close().catch(() => undefined);
    await this.done;
  }

  /** Starts a fresh `consume()` (after the consumer was recreated). */
  restart(): void {
    void this.messages?.close().catch(() => undefined);
  }

  private async loop() {
    let failures = 0;
    while (!this.stopping) {
      try {
        const js = await this.deps.nats.jetstream();
        const consumer = await js.consumers.get(this.binding.stream, this.binding.durable);
        if (this.stopping) break;
        const messages = await consumer.consume({ max_messages: this.deps.config.MESSAGING_BATCH_SIZE });
        this.messages = messages;
        void this.watch(messages);
        if (failures) this.logger.log('consuming again');
        failures = 0;
        await this.pump(messages);
      } catch (error) {
        failures++;
        if (failures === 1 || failures % 20 === 0) this.logger.warn(`cannot consume (${failures}x): ${(error as Error).message}`);
        if (/not found/i.test((error as Error).message)) await this.deps.reprovision().catch(() => undefined);
      }
      if (!this.stopping) await this.wake.wait(backoffDelay(Math.max(failures, 1), 250, 10_000));
    }
  }

  private async watch(messages: ConsumerMessages) {
    for await (const status of messages.status()) {
      if (status.type === 'consumer_not_found' || status.type === 'stream_not_found' || status.type === 'consumer_deleted') {
        this.logger.warn(`${status.type}: provisioning again`);
        await this.deps.reprovision().catch((error: Error) => this.logger.warn(`provisioning failed: ${error.message}`));
        if (messages === this.messages) await messages.close().catch(() => undefined);
      }
    }
  }

  private async pump(messages: ConsumerMessages) {
    const size = this.deps.config.MESSAGING_BATCH_SIZE;
    const buffer = new BoundedBuffer<JsMsg>(size);
    this.buffer = buffer;
    if (this.stopping) buffer.close();
    const reader = (async () => {
      try {
        for await (const message of messages) {
          if (!(await buffer.push(message))) {
            message.nak();
            break;
          }
        }
      } catch (error) {
        this.logger.warn(`consume ended: ${(error as Error).message}`);
      } finally {
        buffer.close();
      }
    })();
    for (;;) {
      const batch = await buffer.take(size);
      if (!batch.length) break;
      if (this.stopping) {
        // Not started: give them back at once, for another replica (or the next start).
        for (const message of batch) message.nak();
        continue;
      }
      await this.handleBatch(batch);
    }
    await reader;
  }

  private async handleBatch(batch: JsMsg[]) {
    const started = performance.now();
    let outcomes: ProcessOutcome[];
    try {
      outcomes = await this.deps.processor.process(batch.map((m) => ({ subject: m.subject, data: m.data })));
    } catch (error) {
      this.logger.error(`batch failed unexpectedly: ${(error as Error).stack ?? error}`);
      for (const message of batch) message.nak(this.retryDelay(message));
      return;
    }
    await Promise.all(batch.map((message, i) => this.settle(message, outcomes[i])));
    this.deps.metrics.batchDuration.observe({ stream: this.binding.stream }, (performance.now() - started) / 1000);
  }

  private async settle(message: JsMsg, outcome: ProcessOutcome) {
    const { metrics, config } = this.deps;
    const deliveries = message.info.deliveryCount;
    if (deliveries > 1) metrics.redelivered.inc({ event_type: outcome.eventType });
    if (outcome.kind !== 'failed' || outcome.transient !== 'contention') this.contention.delete(message.info.streamSequence);
    switch (outcome.kind) {
      case 'handled':
      case 'duplicate':
      case 'ignored':
        message.ack();
        metrics.consumed.inc({ event_type: outcome.eventType, outcome: outcome.kind });
        return;
      case 'rejected':
        return this.deadLetter(message, { reason: outcome.reason, error: outcome.error, eventType: outcome.eventType, eventId: outcome.eventId });
      case 'failed':
        if (outcome.transient === 'unavailable') {
          // The database is away: not the message's fault, so no delivery counts against it.
          this.logger.warn(`${outcome.eventType} ${outcome.eventId}: database unavailable (${outcome.error.message}); retrying`);
          message.nak(this.retryDelay(message));
        } else if (outcome.transient === 'contention') {
          const failures = (this.contention.get(message.info.streamSequence) ?? 0) + 1;
          if (failures >= config.MESSAGING_MAX_CONTENTION_FAILURES) {
            await this.deadLetter(message, {
              reason: 'max-contention-failures',
              error: outcome.error.message,
              eventType: outcome.eventType,
              eventId: outcome.eventId,
            });
          } else {
            this.countContention(message.info.streamSequence, failures);
            this.logger.warn(
              `${outcome.eventType} ${outcome.eventId}: database contention (${failures} of ${config.MESSAGING_MAX_CONTENTION_FAILURES}): ${outcome.error.message}; retrying`,
            );
            message.nak(this.retryDelay(message));
          }
        } else if (deliveries >= config.MESSAGING_MAX_DELIVERIES) {
          await this.deadLetter(message, {
            reason: 'max-deliveries',
            error: outcome.error.message,
            eventType: outcome.eventType,
            eventId: outcome.eventId,
          });
        } else {
          this.logger.warn(
            `${outcome.eventType} ${outcome.eventId}: handler failed (delivery ${deliveries} of ${config.MESSAGING_MAX_DELIVERIES}): ${outcome.error.message}`,
          );
          message.nak(this.retryDelay(message));
        }
    }
  }

  private countContention(sequence: number, failures: number) {
    this.contention.delete(sequence);
    this.contention.set(sequence, failures);
    // Bounded: the oldest entries (messages another replica finished) go first.
    while (this.contention.size > CONTENTION_TRACKED) this.contention.delete(this.contention.keys().next().value!);
  }

  private async deadLetter(message: JsMsg, cause: { reason: string; error: string; eventType: string; eventId?: string }) {
    try {
      await this.deps.deadLetters.publish(message, cause);
    } catch (error) {
      this.logger.warn(`could not dead-letter ${message.subject} #${message.info.streamSequence}: ${(error as Error).message}; retrying later`);
      message.nak(this.retryDelay(message));
      return;
    }
    message.term();
    this.contention.delete(message.info.streamSequence);
    this.deps.metrics.deadLettered.inc({ event_type: cause.eventType, reason: cause.reason });
    this.logger.error(
      `dead-lettered ${message.subject} #${message.info.streamSequence} (${cause.eventType}${cause.eventId ? ` ${cause.eventId}` : ''}) ` +
        `after ${message.info.deliveryCount} deliveries: ${cause.reason}: ${cause.error}`,
    );
  }

  private retryDelay(message: JsMsg): number {
    const { MESSAGING_RETRY_DELAY_MS, MESSAGING_RETRY_MAX_DELAY_MS } = this.deps.config;
    return backoffDelay(message.info.deliveryCount, MESSAGING_RETRY_DELAY_MS, MESSAGING_RETRY_MAX_DELAY_MS);
  }
}
