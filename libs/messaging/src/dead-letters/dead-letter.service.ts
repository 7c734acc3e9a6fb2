import { ServiceConfig } from '@globac/config';
import { type JsMsg, JetStreamApiError, type MsgRequest, type StoredMsg } from '@nats-io/jetstream';
import { headers } from '@nats-io/transport-node';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { MessageProcessor } from '../consumer/message-processor.service';
import { MessagingMetrics } from '../messaging-metrics';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging-options';
import { JETSTREAM_TIMEOUT_MS, NatsConnectionService } from '../nats/nats-connection.service';
import { DeadLetterHeaders, deadLetterStreamName, deadLetterSubjectOf, deadLetterSubjects, durableNameOf } from '../nats/naming';
import type { DeadLetterDto, ReplayAllResultDto, ReplayResultDto } from './dead-letter.dto';
import { DeadLetterNotFoundException, DeadLetterReplayFailedException, MessagingUnavailableException } from './dead-letter.exceptions';

const STREAM_NOT_FOUND = 10059;
const PAYLOAD_SHOWN = 4096;
const REPLAY_ALL_LIMIT = 10_000;

const headerValue = (text: string, max = 1024) => text.replace(/[\r\n]+/g, ' ').slice(0, max);

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

  /** One page of this service's dead letters, oldest first. */
  async list(page: number, pageSize: number): Promise<{ items: DeadLetterDto[]; total: number }> {
    const jsm = await this.manager();
    let info;
    try {
      info = await jsm.streams.info(this.stream, { subjects_filter: this.filter });
    } catch (error) {
      if (error instanceof JetStreamApiError && error.code === STREAM_NOT_FOUND) return { items: [], total: 0 };
      throw error;
    }
    const total = Object.values(info.state.subjects ?? {}).reduce((sum, n) => sum + n, 0);
    const items: DeadLetterDto[] = [];
    let skip = (page - 1) * pageSize;
    for await (const message of this.walk(info.state.first_seq)) {
      if (skip > 0) {
        skip--;
        continue;
      }
      items.push(this.toDto(message));
      if (items.length >= pageSize) break;
    }
    return { items, total };
  }

  /** Replays one dead letter through this service's handlers; removes it when it succeeds. */
  async replay(sequence: number): Promise<ReplayResultDto> {
    const jsm = await this.manager();
    const message = await jsm.streams.getMessage(this.stream, { seq: sequence }).catch((error: unknown) => {
      if (error instanceof JetStreamApiError && error.code === STREAM_NOT_FOUND) return null;
      throw error;
    });
    if (!message || !this.isOurs(message.subject)) throw new DeadLetterNotFoundException(sequence);
    return this.replayMessage(message);
  }

  /** Replays every dead letter of this service (up to 10,000 per call), oldest first. */
  async replayAll(): Promise<ReplayAllResultDto> {
    await this.manager();
    const result: ReplayAllResultDto = { replayed: [], failed: [] };
    const messages: StoredMsg[] = [];
    for await (const message of this.walk(1)) {
      messages.push(message);
      if (messages.length >= REPLAY_ALL_LIMIT) break;
    }
    for (const message of messages) {
      try {
        result.replayed.push(await this.replayMessage(message));
      } catch (error) {
        if (!(error instanceof DeadLetterReplayFailedException)) throw error;
        const details = error.details as { reason: string; error: string };
        result.failed.push({ sequence: message.seq, reason: details.reason, error: details.error });
      }
    }
    return result;
  }

  private async replayMessage(message: StoredMsg): Promise<ReplayResultDto> {
    const subject = message.header?.get(DeadLetterHeaders.originalSubject) || message.subject;
    const [outcome] = await this.processor.process([{ subject, data: message.data }]);
    if (outcome.kind === 'rejected') throw new DeadLetterReplayFailedException(message.seq, outcome.reason, outcome.error);
    if (outcome.kind === 'failed') throw new DeadLetterReplayFailedException(message.seq, 'handler-failed', outcome.error.message);
    this.metrics.consumed.inc({ event_type: outcome.eventType, outcome: outcome.kind });
    const jsm = await this.manager();
    await jsm.streams.deleteMessage(this.stream, message.seq, false);
    this.logger.log(`replayed dead letter ${message.seq} (${outcome.eventType}): ${outcome.kind}`);
    return { sequence: message.seq, outcome: outcome.kind };
  }

  private async *walk(from: number): AsyncGenerator<StoredMsg> {
    const jsm = await this.manager();
    for (let seq = Math.max(1, from); ; ) {
      // The server's STREAM.MSG.GET takes `next_by_subj` (since 2.9); the client only types it for direct gets.
      const request = { seq, next_by_subj: this.filter } as unknown as MsgRequest;
      const message = await jsm.streams.getMessage(this.stream, request);
      if (!message) return;
      yield message;
      seq = message.seq + 1;
    }
  }

  private isOurs(subject: string): boolean {
    return subject.startsWith(this.filter.slice(0, -1));
  }

  private async manager() {
    if (!this.nats.isConnected) throw new MessagingUnavailableException();
    return this.nats.jetstreamManager();
  }

  private toDto(message: StoredMsg): DeadLetterDto {
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
