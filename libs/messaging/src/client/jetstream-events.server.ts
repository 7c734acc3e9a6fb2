import { producerSubjects } from '@globac/contracts';
import { EventRejectedError } from '@globac/contracts';
import { AckPolicy, type ConsumerMessages, DeliverPolicy, jetstream, jetstreamManager, type JsMsg } from '@nats-io/jetstream';
import { connect, nanos, type NatsConnection } from '@nats-io/transport-node';
import { Logger } from '@nestjs/common';
import { BaseRpcContext, type CustomTransportStrategy, type MessageHandler, Server } from '@nestjs/microservices';
import { isObservable, lastValueFrom } from 'rxjs';
import { producerStreamName } from '../nats/naming';
import { backoffDelay } from '../support/wake-signal';
import { IntegrationEventDeserializer } from './integration-event.deserializer';

/** Where an outside Nest app reads the platform's events from, and how it retries. */
export interface JetStreamEventsServerOptions {
  servers: string | string[];
  /** The environment's subject prefix (the platform's `NATS_SUBJECT_PREFIX`); default `globac`. */
  subjectPrefix?: string;
  /** The durable consumer's name on each stream read: the app's name. It keeps the app's place while it is down. */
  durable: string;
  /** Deliveries of a failing message before it is given up on (terminated, logged); default 5. */
  maxDeliveries?: number;
  /** Retry backoff: first delay, doubling per delivery up to the maximum; defaults 1000 / 60000 ms. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
  /** Redelivery of a message not acknowledged in time; default 30000 ms. */
  ackWaitMs?: number;
}

/** The handler's context (`@Ctx()`): the subject and the JetStream message (delivery count, stream sequence). */
export class JetStreamEventContext extends BaseRpcContext<[subject: string, message: JsMsg]> {
  getSubject(): string {
    return this.args[0];
  }

  getMessage(): JsMsg {
    return this.args[1];
  }
}

/**
 * A custom transport strategy for Nest apps **outside** the platform that consume its integration
 * events durably: one durable pull consumer per producer stream its `@EventPattern` handlers need
 * (created if missing, from the first stored event), each message deserialized into its envelope
 * (`IntegrationEventDeserializer`), acknowledged only after its handler succeeded, redelivered with
 * backoff when it throws, and terminated (logged) after `maxDeliveries` or at once when it can never be
 * valid. Delivery is at least once: deduplicate on `envelope.id` in the app's own store. The platform's
 * services use `IntegrationEventsTransport` instead (inbox, batches, dead letters).
 */
export class JetStreamEventsServer extends Server implements CustomTransportStrategy {
  private readonly log = new Logger('JetStreamEventsServer');
  private readonly prefix: string;
  private readonly eventHandlers = new Map<string, MessageHandler[]>();
  private readonly eventDeserializer: IntegrationEventDeserializer;
  private connection?: NatsConnection;
  private readonly reading: { messages: ConsumerMessages; done: Promise<void> }[] = [];
  private stopping = false;

  constructor(private readonly options: JetStreamEventsServerOptions) {
    super();
    this.prefix = options.subjectPrefix ?? 'globac';
    this.eventDeserializer = new IntegrationEventDeserializer(this.prefix);
  }

  // Handlers of one subject run one after the other (Nest's base class would chain them to run at once).
  override addHandler(pattern: unknown, callback: MessageHandler, isEventHandler = false): void {
    if (!isEventHandler) throw new Error('JetStreamEventsServer carries integration events only: use @EventPattern, not @MessagePattern');
    const subject = this.normalizePattern(pattern as string);
    this.eventHandlers.set(subject, [...(this.eventHandlers.get(subject) ?? []), callback]);
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      this.connection = await connect({ servers: this.options.servers, name: this.options.durable, maxReconnectAttempts: -1 });
      const jsm = await jetstreamManager(this.connection);
      const js = jetstream(this.connection);
      const producers = [...new Set([...this.eventHandlers.keys()].map((subject) => subject.split('.')[0]))];
      for (const producer of producers) {
        const stream = producerStreamName(this.prefix, producer);
        await jsm.consumers.add(stream, {
          durable_name: this.options.durable,
          ack_policy: AckPolicy.Explicit,
          ack_wait: nanos(this.options.ackWaitMs ?? 30_000),
          deliver_policy: DeliverPolicy.All,
          filter_subject: producerSubjects(this.prefix, producer),
          // Counted here, so that a message given up on is logged with its reason.
          max_deliver: -1,
        });
        const messages = await (await js.consumers.get(stream, this.options.durable)).consume({ max_messages: 100 });
        this.reading.push({ messages, done: this.read(messages) });
      }
      callback();
    } catch (error) {
      callback(error);
    }
  }

  async close(): Promise<void> {
    this.stopping = true;
    for (const { messages } of this.reading) await messages.close().catch(() => undefined);
    await Promise.all(this.reading.map(({ done }) => done));
    await this.connection?.drain().catch(() => this.connection?.close());
  }

  on(): never {
    throw new Error('JetStreamEventsServer has no events to listen to');
  }

  unwrap<T>(): T {
    return this.connection as T;
  }

  private async read(messages: ConsumerMessages) {
    for await (const message of messages) {
      if (this.stopping) {
        message.nak();
        continue;
      }
      try {
        await this.handle(message);
      } catch (error) {
        // A bug here must not end the reading: the message comes again after a while.
        this.log.error(`could not handle ${message.subject} #${message.info.streamSequence}: ${(error as Error).stack ?? error}`);
        message.nak(this.options.retryDelayMs ?? 1000);
      }
    }
  }

  private async handle(message: JsMsg) {
    let packet;
    try {
      packet = this.eventDeserializer.deserialize({ subject: message.subject, data: message.data });
    } catch (error) {
      if (!(error instanceof EventRejectedError)) throw error;
      this.log.error(`giving up on ${message.subject} #${message.info.streamSequence}: ${error.reason}: ${error.message}`);
      message.term();
      return;
    }
    const handlers = this.eventHandlers.get(packet.pattern) ?? [];
    try {
      for (const handler of handlers) {
        const result: unknown = await handler(packet.data, new JetStreamEventContext([packet.pattern, message]));
        if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
      }
      message.ack();
    } catch (error) {
      const deliveries = message.info.deliveryCount;
      const max = this.options.maxDeliveries ?? 5;
      if (deliveries >= max) {
        this.log.error(`giving up on ${packet.data.type} ${packet.data.id} after ${deliveries} deliveries: ${(error as Error).message}`);
        message.term();
      } else {
        message.nak(backoffDelay(deliveries, this.options.retryDelayMs ?? 1000, this.options.maxRetryDelayMs ?? 60_000));
      }
    }
  }
}
