import { allContracts, createEnvelope, type EventContract, type IntegrationEventEnvelope } from '@globac/contracts';
import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { ClientProxy, type ReadPacket, type WritePacket } from '@nestjs/microservices';
import { producerStreamName } from '../nats/naming';

/** How an outside Nest app reaches the platform's NATS. */
export interface IntegrationEventsClientOptions {
  /** NATS servers, e.g. `nats://127.0.0.1:4222` (one or more). */
  servers: string | string[];
  /** The environment's subject prefix (the platform's `NATS_SUBJECT_PREFIX`); default `globac`. */
  subjectPrefix?: string;
  /** The publishing app's name (kebab-case): the envelope's `source`. */
  source: string;
  /** Wait for JetStream's acknowledgement at most this long; default 5000 ms. */
  timeoutMs?: number;
  /** A name for the connection, shown by the NATS server. */
  name?: string;
}

/** Envelope fields an emitter may choose; the rest is filled in. */
export interface IntegrationEventOptions {
  /** The event id (a UUID), also `Nats-Msg-Id`: emitting the same id again is dropped as a duplicate. Default: a new UUID. */
  id?: string;
  occurredOn?: Date | string;
  correlationId?: string;
}

/** The data of one event with chosen envelope fields: `client.emit(subject, new IntegrationEventRecord(data, { id }))`. */
export class IntegrationEventRecord<T extends object = object> {
  constructor(
    readonly data: T,
    readonly options: IntegrationEventOptions = {},
  ) {}
}

/** What `emit()` resolves to: where JetStream stored the event. */
export interface IntegrationEventPublished {
  id: string;
  stream: string;
  seq: number;
  /** JetStream had the id already (within its duplicate window): stored once. */
  duplicate: boolean;
}

/**
 * A `ClientProxy` for Nest apps outside the monorepo that publish integration events into the
 * platform. `emit(subject, data)` (the subject without the environment prefix, e.g.
 * `companies.company.registered.v1`) validates the data against the event's contract, wraps it in the
 * platform's envelope (`id`, `type`, `version`, `occurredOn`, `source`, `correlationId`), publishes it
 * to JetStream with the event id as `Nats-Msg-Id`, and completes only when the producer's stream
 * acknowledged it. Register it with `ClientsModule.register([{ name, customClass: IntegrationEventsClient, options }])`.
 * Events are one-way: `send()` is refused.
 */
export class IntegrationEventsClient extends ClientProxy {
  private readonly prefix: string;
  private readonly bySubject: Map<string, EventContract>;
  private connection?: Promise<NatsConnection>;
  private js?: JetStreamClient;

  constructor(private readonly options: IntegrationEventsClientOptions) {
    super();
    if (!/^[a-z][a-z0-9-]*$/.test(options.source)) throw new Error(`IntegrationEventsClient: source "${options.source}" must be a kebab-case name`);
    this.prefix = options.subjectPrefix ?? 'globac';
    this.bySubject = new Map(allContracts().map((c) => [c.subject, c]));
  }

  async connect(): Promise<NatsConnection> {
    this.connection ??= connect({ servers: this.options.servers, name: this.options.name ?? this.options.source, maxReconnectAttempts: -1 }).then(
      (nc) => {
        this.js = jetstream(nc, { timeout: this.options.timeoutMs ?? 5000 });
        this._status$.next('connected');
        return nc;
      },
      (error: unknown) => {
        this.connection = undefined;
        throw error;
      },
    );
    return this.connection;
  }

  async close(): Promise<void> {
    const connection = this.connection;
    this.connection = undefined;
    if (!connection) return;
    const nc = await connection.catch(() => undefined);
    await nc?.drain().catch(() => nc.close());
    this._status$.next('closed');
  }

  unwrap<T>(): T {
    if (!this.js) throw new Error('IntegrationEventsClient: not connected yet (call connect() or emit first)');
    return this.js as T;
  }

  /** The envelope `emit(subject, data)` would publish (validated). */
  envelopeFor(subject: string, payload: object): IntegrationEventEnvelope<object> {
    const contract = this.bySubject.get(subject);
    if (!contract) {
      throw new Error(`IntegrationEventsClient: no integration event has the subject "${subject}" (the subject without the prefix, e.g. companies.company.registered.v1)`);
    }
    const { data, options } = payload instanceof IntegrationEventRecord ? payload : new IntegrationEventRecord(payload);
    return createEnvelope(contract.target, data, { ...options, source: this.options.source });
  }

  protected async dispatchEvent<T = IntegrationEventPublished>(packet: ReadPacket): Promise<T> {
    const subject = typeof packet.pattern === 'string' ? packet.pattern : this.normalizePattern(packet.pattern);
    const envelope = this.envelopeFor(subject, packet.data as object);
    const stream = producerStreamName(this.prefix, this.bySubject.get(subject)!.producer);
    await this.connect();
    const ack = await this.js!.publish(`${this.prefix}.${subject}`, JSON.stringify(envelope), {
      msgID: envelope.id,
      // Stored by the producer's stream or refused: an answer from anything else is not an acknowledgement.
      expect: { streamName: stream },
    });
    if (ack.stream !== stream || !(ack.seq > 0)) {
      throw new Error(`IntegrationEventsClient: ${subject} ${envelope.id} was not acknowledged by stream ${stream} (answer: ${JSON.stringify(ack)})`);
    }
    const published: IntegrationEventPublished = { id: envelope.id, stream: ack.stream, seq: ack.seq, duplicate: ack.duplicate };
    return published as T;
  }

  protected publish(_packet: ReadPacket, callback: (packet: WritePacket) => void): () => void {
    callback({ err: new Error('IntegrationEventsClient: integration events are one-way; use emit(), not send()'), isDisposed: true });
    return () => undefined;
  }
}
