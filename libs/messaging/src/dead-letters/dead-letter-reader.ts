import { AckPolicy, DeliverPolicy, type JetStreamClient, JetStreamApiError, type JetStreamManager, type JsMsg } from '@nats-io/jetstream';
import { type MsgHdrs, nanos } from '@nats-io/transport-node';

const STREAM_NOT_FOUND = 10059;
const READ_BATCH = 100;
const FETCH_EXPIRES_MS = 2000;

/** A dead letter as read from the stream. */
export interface DeadLetterMessage {
  seq: number;
  subject: string;
  data: Uint8Array;
  header?: MsgHdrs;
  time: Date;
}

/** Where one service's dead letters lie in the shared dead-letter stream, when counted. */
export interface DeadLetterExtent {
  /** This service's dead letters in the stream. */
  total: number;
  firstSeq: number;
  lastSeq: number;
}

/**
 * Reads one service's dead letters out of the environment's dead-letter stream, which all services
 * share and in which replays leave gaps, so the n-th dead letter of a service is at no computable
 * sequence. Instead of reading every message before a page (one `STREAM.MSG.GET` each, as before):
 *
 * - the start of a page is found by asking the server how many of the service's messages lie at or
 *   after a sequence (the `num_pending` of a consumer created there, filtered to the service), a
 *   search that guesses by interpolation and falls back to halving: a few consumer creations, no
 *   message read;
 * - the page is then read through an ordered consumer from that sequence, `pageSize` messages in
 *   one pass.
 */
export class DeadLetterReader {
  constructor(
    private readonly jsm: JetStreamManager,
    private readonly js: JetStreamClient,
    private readonly stream: string,
    private readonly filter: string,
  ) {}

  /** This service's dead letters; `undefined` when the stream does not exist (yet). */
  async extent(): Promise<DeadLetterExtent | undefined> {
    try {
      const info = await this.jsm.streams.info(this.stream, { subjects_filter: this.filter });
      const total = Object.values(info.state.subjects ?? {}).reduce((sum, n) => sum + n, 0);
      return { total, firstSeq: info.state.first_seq, lastSeq: info.state.last_seq };
    } catch (error) {
      if (error instanceof JetStreamApiError && error.code === STREAM_NOT_FOUND) return undefined;
      throw error;
    }
  }

  /**
   * The sequence from which the service's dead letters after the first `offset` begin (assuming
   * `offset < extent.total`).
   */
  async startOf(offset: number, extent: DeadLetterExtent): Promise<number> {
    if (offset <= 0) return extent.firstSeq;
    const want = extent.total - offset;
    // Invariant: pending(lo) > want >= pending(hi). Then pending(hi) == want when hi - lo == 1.
    let lo = extent.firstSeq;
    let pendingLo = extent.total;
    let hi = extent.lastSeq + 1;
    let pendingHi = 0;
    for (let probe = 0; hi - lo > 1; probe++) {
      // Interpolate while it helps (dead letters spread evenly); halve every third probe so that a
      // skewed spread still ends in log2 steps.
      let mid =
        probe % 3 === 2 || pendingLo === pendingHi
          ? Math.floor((lo + hi) / 2)
          : Math.round(lo + ((hi - lo) * (pendingLo - want)) / (pendingLo - pendingHi));
      mid = Math.min(hi - 1, Math.max(lo + 1, mid));
      const pending = await this.pendingFrom(mid);
      if (pending > want) {
        lo = mid;
        pendingLo = pending;
      } else {
        hi = mid;
        pendingHi = pending;
      }
    }
    return hi;
  }

  /**
   * The service's dead letters from `fromSeq` on, in batches of at most 100, through one ordered
   * consumer: at most `max`, and none after `untilSeq`.
   */
  async *read(fromSeq: number, max: number, untilSeq = Number.MAX_SAFE_INTEGER): AsyncGenerator<DeadLetterMessage[]> {
    if (max <= 0 || fromSeq > untilSeq) return;
    const consumer = await this.js.consumers.get(this.stream, { filter_subjects: this.filter, opt_start_seq: Math.max(1, fromSeq) });
    try {
      // Known from the creation: asking for no more than there are keeps each fetch from waiting out its expiry.
      let remaining = Math.min(max, (await consumer.info(true)).num_pending);
      while (remaining > 0) {
        const batch: DeadLetterMessage[] = [];
        let beyond = false;
        const messages = await consumer.fetch({ max_messages: Math.min(remaining, READ_BATCH), expires: FETCH_EXPIRES_MS });
        for await (const message of messages) {
          if (message.seq > untilSeq) {
            beyond = true;
            break;
          }
          batch.push(toDeadLetterMessage(message));
        }
        if (batch.length) yield batch;
        remaining -= batch.length;
        // Nothing more came (removed meanwhile) or the end was reached.
        if (beyond || !batch.length) return;
      }
    } finally {
      await consumer.delete().catch(() => undefined);
    }
  }

  /** How many of the service's dead letters lie at or after `seq`: a consumer's `num_pending`, no message read. */
  private async pendingFrom(seq: number): Promise<number> {
    const info = await this.jsm.consumers.add(this.stream, {
      filter_subject: this.filter,
      deliver_policy: DeliverPolicy.StartSequence,
      opt_start_seq: seq,
      ack_policy: AckPolicy.None,
      mem_storage: true,
      num_replicas: 1,
      // Removed by the server should the delete below be lost.
      inactive_threshold: nanos(60_000),
    });
    await this.jsm.consumers.delete(this.stream, info.name).catch(() => undefined);
    return info.num_pending;
  }
}

function toDeadLetterMessage(message: JsMsg): DeadLetterMessage {
  return { seq: message.seq, subject: message.subject, data: message.data, header: message.headers, time: message.time };
}
