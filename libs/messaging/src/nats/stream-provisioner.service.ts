import { ServiceConfig } from '@globac/config';
import { allContracts, producerSubjects } from '@globac/contracts';
import {
  AckPolicy,
  type ConsumerConfig,
  DeliverPolicy,
  DiscardPolicy,
  JetStreamApiError,
  type JetStreamManager,
  ReplayPolicy,
  RetentionPolicy,
  StorageType,
  type StreamConfig,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging-options';
import { NatsConnectionService } from './nats-connection.service';
import { DEAD_LETTER_TOKEN, deadLetterStreamName, deadLetterSubjects, durableNameOf, producerStreamName } from './naming';

const STREAM_NAME_IN_USE = 10058;

/** A durable consumer this service reads through. */
export interface ConsumerBinding {
  readonly producer: string;
  readonly stream: string;
  readonly durable: string;
}

/**
 * Creates or updates, idempotently, the streams and durable consumers this service needs: the stream
 * of its own events (if it produces any), the streams of the events it handles with one durable pull
 * consumer each, and the environment's dead-letter stream. Runs on every (re)connect, so that a
 * server restarted with memory storage gets them back.
 */
@Injectable()
export class StreamProvisioner {
  private readonly logger = new Logger('Messaging');
  private running?: Promise<void>;
  private again = false;

  constructor(
    private readonly config: ServiceConfig,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly nats: NatsConnectionService,
  ) {}

  /** The durable consumer on a producer's stream. */
  bindingFor(producer: string): ConsumerBinding {
    return { producer, stream: producerStreamName(this.config.NATS_SUBJECT_PREFIX, producer), durable: durableNameOf(this.options.service) };
  }

  /** The producers whose streams this build knows (from the contracts). */
  get knownProducers(): string[] {
    return [...new Set(allContracts().map((c) => c.producer))].sort();
  }

  /**
   * Provisions for the given consumed producers. Concurrent calls share one run; a call during a run
   * causes one more run after it (a reconnect in the middle must not be lost).
   */
  async provision(consumedProducers: readonly string[]): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.provisionOnce(consumedProducers);
        } while (this.again);
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  private async provisionOnce(consumedProducers: readonly string[]) {
    const jsm = await this.nats.jetstreamManager();
    const prefix = this.config.NATS_SUBJECT_PREFIX;
    const own = this.knownProducers.includes(this.options.service) ? [this.options.service] : [];
    for (const producer of new Set([...own, ...consumedProducers])) {
      if (producer === DEAD_LETTER_TOKEN) throw new Error(`"${DEAD_LETTER_TOKEN}" cannot be a producer name`);
      await this.ensureStream(jsm, producerStreamName(prefix, producer), producerSubjects(prefix, producer));
    }
    await this.ensureStream(jsm, deadLetterStreamName(prefix), deadLetterSubjects(prefix));
    for (const producer of consumedProducers) {
      const { stream, durable } = this.bindingFor(producer);
      await this.ensureConsumer(jsm, stream, {
        durable_name: durable,
        ack_policy: AckPolicy.Explicit,
        ack_wait: nanos(this.config.MESSAGING_ACK_WAIT_MS),
        // Unlimited here: the service dead-letters after MESSAGING_MAX_DELIVERIES failures of the
        // message itself, while a database outage must not exhaust a server-side limit.
        max_deliver: -1,
        deliver_policy: DeliverPolicy.All,
        replay_policy: ReplayPolicy.Instant,
        filter_subject: producerSubjects(prefix, producer),
        max_ack_pending: Math.max(1000, this.config.MESSAGING_BATCH_SIZE * 4),
      });
    }
  }

  private async ensureStream(jsm: JetStreamManager, name: string, subject: string) {
    const config: Partial<StreamConfig> & { name: string } = {
      name,
      subjects: [subject],
      retention: RetentionPolicy.Limits,
      storage: this.config.NATS_STREAM_STORAGE === 'memory' ? StorageType.Memory : StorageType.File,
      num_replicas: this.config.NATS_STREAM_REPLICAS,
      duplicate_window: nanos(this.config.NATS_DUPLICATE_WINDOW_MS),
      max_age: nanos(this.config.NATS_STREAM_MAX_AGE_MS),
      max_msgs: -1,
      max_bytes: -1,
      discard: DiscardPolicy.Old,
    };
    try {
      await jsm.streams.add(config);
    } catch (error) {
      if (!(error instanceof JetStreamApiError) || error.code !== STREAM_NAME_IN_USE) throw error;
      // Exists with other settings: bring it in line (storage type cannot change; that error is logged by the caller).
      const { name: _name, storage: _storage, ...update } = config;
      await jsm.streams.update(name, update);
      this.logger.log(`updated stream ${name}`);
    }
  }

  private async ensureConsumer(jsm: JetStreamManager, stream: string, config: Partial<ConsumerConfig> & { durable_name: string }) {
    // On the servers used here (2.9), adding an existing durable with changed settings updates it.
    await jsm.consumers.add(stream, config);
  }
}
