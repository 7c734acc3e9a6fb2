import { ServiceConfig } from '@globac/config';
import { type JsMsg, JetStreamApiError } from '@nats-io/jetstream';
import { headers } from '@nats-io/transport-node';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { MessageProcessor } from '../consumer/message-processor.service';
import { MessagingMetrics } from '../messaging-metrics';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging-options';
import { JETSTREAM_TIMEOUT_MS, NatsConnectionService } from '../nats/nats-connection.service';
import { DeadLetterHeaders, deadLetterStreamName, deadLetterSubjectOf, deadLetterSubjects, durableNameOf } from '../nats/naming';
import type { DeadLetterDto, ReplayFailureDto, ReplayResultDto } from './dead-letter.dto';
import { type DeadLetterMessage, DeadLetterReader } from './dead-letter-reader';
import { DeadLetterNotFoundException, DeadLetterReplayFailedException, MessagingUnavailableException } from './dead-letter.exceptions';

const STREAM_NOT_FOUND = 10059;
const PAYLOAD_SHOWN = 4096;

const headerValue = (text: string, max = 1024) => text.replace(/[\r\n]+/g, ' ').slice(0, max);

/** What a batch of replays did. */
export interface ReplayBatchResult {
  /** Handled (or duplicate, or ignored) and removed from the dead letters. */
  replayed: ReplayResultDto[];
  /** Failed again; they stay. */
  failed: ReplayFailureDto[];
  /** The first that failed because the database was away or busy: not its fault, worth trying again soon. */
  firstTransient?: number;
}

export interface DeadLetterCause {
  reason: string;
  error: string;
  eventType: string;
  eventId?: string;
}

/**
 * The service's dead letters: messages it will not retry, kept in the environment's dead-letter
 * stream under `<prefix>.dead-letters.<service>.…` with headers saying why and where from. Listing and
 * replaying touch only this service's own dead letters. A replay runs the message through this
 * service's handlers directly (not through the original stream, which other services also read and
 * whose duplicate window would drop it), and removes it from the dead letters when it succeeds.
 */
@Injectable()
export class DeadLetterService {
  private readonly logger = new Logger('Messaging');
  private readonly stream: string;
  private readonly filter: string;

  constructor(
    private readonly config: ServiceConfig,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly nats: NatsConnectionService,
    private readonly processor: MessageProcessor,
    private readonly metrics: MessagingMetrics,
  ) {
    this.stream = deadLetterStreamName(config.NATS_SUBJECT_PREFIX);
    this.filter = deadLetterSubjects(config.NATS_SUBJECT_PREFIX, options.service);
  }

  /** Publishes a consumed message to the dead letters (the caller then terminates it). Throws when it could not. */
  async publish(message: JsMsg, cause: DeadLetterCause): Promise<void> {
    const js = await this.nats.jetstream();
    const h = headers();
    h.set(DeadLetterHeaders.reason, cause.reason);
    h.set(DeadLetterHeaders.error, headerValue(cause.error) || '-');
    h.set(DeadLetterHeaders.consumer, durableNameOf(this.options.service));
    h.set(DeadLetterHeaders.originalSubject, message.subject);
    h.set(DeadLetterHeaders.originalStream, message.info.stream);
    h.set(DeadLetterHeaders.originalSequence, String(message.info.streamSequence));
    h.set(DeadLetterHeaders.deliveries, String(message.info.deliveryCount));
    h.set(DeadLetterHeaders.deadLetteredAt, new Date().toISOString());
    h.set(DeadLetterHeaders.eventType, headerValue(cause.eventType, 128));
    if (cause.eventId) h.set(DeadLetterHeaders.eventId, headerValue(cause.eventId, 128));
    await js.publish(deadLetterSubjectOf(this.config.NATS_SUBJECT_PREFIX, this.options.service, message.subject), message.data, {
      headers: h,
      // Dead-lettering the same delivery twice (a term lost on the way) keeps one copy.
      msgID: `dl:${durableNameOf(this.options.service)}:${message.info.stream}:${message.info.streamSequence}`,
      timeout: JETSTREAM_TIMEOUT_MS,
    });
  }

  /** One page of this service's dead letters, oldest first: found without reading the pages before it (see DeadLetterReader). */
  async list(page: number, pageSize: number): Promise<{ items: DeadLetterDto[]; total: number }> {
    const reader = await this.reader();
    const extent = await reader.extent();
    if (!extent) return { items: [], total: 0 };
    const offset = (page - 1) * pageSize;
    if (offset >= extent.total) return { items: [], total: extent.total };
    const items: DeadLetterDto[] = [];
    for await (const batch of reader.read(await reader.startOf(offset, extent), pageSize)) items.push(...batch.map((m) => this.toDto(m)));
    return { items, total: extent.total };
  }

  /** Replays one dead letter through this service's handlers; removes it when it succeeds. */
  async replay(sequence: number): Promise<ReplayResultDto> {
    const jsm = await this.manager();
    const message = await jsm.streams.getMessage(this.stream, { seq: sequence }).catch((error: unknown) => {
      if (error instanceof JetStreamApiError && error.code === STREAM_NOT_FOUND) return null;
      throw error;
    });
    if (!message || !this.isOurs(message.subject)) throw new DeadLetterNotFoundException(sequence);
    const { replayed, failed } = await this.replayBatch([message]);
    if (failed.length) throw new DeadLetterReplayFailedException(sequence, failed[0].reason, failed[0].error);
    return replayed[0];
  }

  /**
   * Replays dead letters through this service's handlers in one batch (one transaction, each message
   * alone if it fails: MessageProcessor.process) and removes those handled. Those failing again stay.
   */
  async replayBatch(messages: readonly DeadLetterMessage[]): Promise<ReplayBatchResult> {
    const outcomes = await this.processor.process(
      messages.map((message) => ({ subject: message.header?.get(DeadLetterHeaders.originalSubject) || message.subject, data: message.data })),
    );
    const replayed: ReplayResultDto[] = [];
    const failed: ReplayFailureDto[] = [];
    let firstTransient: number | undefined;
    outcomes.forEach((outcome, i) => {
      const sequence = messages[i].seq;
      if (outcome.kind === 'rejected') failed.push({ sequence, reason: outcome.reason, error: outcome.error });
      else if (outcome.kind === 'failed') {
        failed.push({ sequence, reason: 'handler-failed', error: outcome.error.message });
        if (outcome.transient) firstTransient ??= sequence;
      } else {
        this.metrics.consumed.inc({ event_type: outcome.eventType, outcome: outcome.kind });
        replayed.push({ sequence, outcome: outcome.kind });
      }
    });
    if (replayed.length) {
      const jsm = await this.manager();
      await Promise.all(replayed.map((r) => jsm.streams.deleteMessage(this.stream, r.sequence, false)));
      this.logger.log(
        replayed.length === 1
          ? `replayed dead letter ${replayed[0].sequence}: ${replayed[0].outcome}`
          : `replayed ${replayed.length} dead letters (${replayed[0].sequence}…${replayed[replayed.length - 1].sequence})`,
      );
    }
    return { replayed, failed, firstTransient };
  }

  /** A reader of this service's dead letters (throws MessagingUnavailableException while NATS is away). */
  async reader(): Promise<DeadLetterReader> {
    const jsm = await this.manager();
    return new DeadLetterReader(jsm, await this.nats.jetstream(), this.stream, this.filter);
  }

  private isOurs(subject: string): boolean {
    return subject.startsWith(this.filter.slice(0, -1));
  }

  private async manager() {
    if (!this.nats.isConnected) throw new MessagingUnavailableException();
    return this.nats.jetstreamManager();
  }

  private toDto(message: DeadLetterMessage): DeadLetterDto {
    const h = (name: string) => message.header?.get(name) ?? '';
    const payload = Buffer.from(message.data).toString('utf8');
    return {
      sequence: message.seq,
      reason: h(DeadLetterHeaders.reason),
      error: h(DeadLetterHeaders.error),
      eventType: h(DeadLetterHeaders.eventType) || null,
      eventId: h(DeadLetterHeaders.eventId) || null,
      originalSubject: h(DeadLetterHeaders.originalSubject),
      originalStream: h(DeadLetterHeaders.originalStream),
      originalSequence: Number(h(DeadLetterHeaders.originalSequence)) || 0,
      deliveries: Number(h(DeadLetterHeaders.deliveries)) || 0,
      deadLetteredAt: h(DeadLetterHeaders.deadLetteredAt) || message.time.toISOString(),
      payload: payload.length > PAYLOAD_SHOWN ? `${payload.slice(0, PAYLOAD_SHOWN)}…` : payload,
    };
  }
}
