import { createInbox, headers, type Msg, type NatsConnection, type Subscription } from '@nats-io/transport-node';

/** One message to publish to JetStream, and the stream that must store it. */
export interface PublishRequest {
  subject: string;
  data: string | Uint8Array;
  /** `Nats-Msg-Id`: JetStream drops a second publish of it within the duplicate window. */
  msgId: string;
  expectedStream: string;
}

/**
 * How one publish ended:
 * - `acknowledged`: JetStream's acknowledgement named the expected stream and a sequence;
 * - `refused`: something answered, but not that (no stream stores the subject, JetStream refused the
 *   message, or only a non-JetStream responder answered): a fault of this message, counted against it;
 * - `unanswered`: no answer at all in time, or the connection failed: a fault of NATS, not of the message.
 */
export type PublishResult =
  | { kind: 'acknowledged'; stream: string; seq: number; duplicate: boolean }
  | { kind: 'refused'; error: string }
  | { kind: 'unanswered'; error: string };

/**
 * After every other publish of a batch is settled, how long a message that so far got only a
 * non-JetStream answer still waits for its real acknowledgement. JetStream answers within
 * milliseconds when it stores a subject; waiting the full timeout would hold the whole batch.
 */
export const FOREIGN_ANSWER_GRACE_MS = 500;

interface Pending {
  request: PublishRequest;
  foreignAnswer?: string;
  settle: (result: PublishResult) => void;
}

/**
 * Publishes to JetStream and accepts a publish only when its acknowledgement names the expected stream
 * and a sequence. `JetStreamClient.publish` (3.4) takes the first answer to its request inbox and
 * rejects only an ack whose `stream` is the empty string, so a plain core-NATS subscriber of the
 * subject (a stock Nest consumer answers `{"isDisposed":true,"id":…}`) makes an unstored message look
 * published. Here every answer is looked at: a foreign one is noted and the real acknowledgement is
 * still awaited; the publish fails if none comes. The header `Nats-Expected-Stream` makes JetStream
 * itself refuse a message that another stream would capture.
 *
 * Answers arrive on one wildcard inbox subscription per connection (as the client's own requests do),
 * so verifying costs no extra subscription per message.
 */
export class VerifiedPublisher {
  private readonly inbox: string;
  private readonly subscription: Subscription;
  private readonly pending = new Map<string, Pending>();
  private next = 0;

  constructor(private readonly nc: NatsConnection) {
    this.inbox = createInbox();
    this.subscription = nc.subscribe(`${this.inbox}.*`, { callback: (error, msg) => this.onAnswer(error, msg) });
  }

  /** Whether this publisher still works on `nc` (a closed connection needs a new one). */
  servesConnection(nc: NatsConnection): boolean {
    return this.nc === nc && !this.subscription.isClosed();
  }

  /**
   * Publishes all, in order, and settles each within `timeoutMs`. Never throws: every request gets a
   * result, in the order given.
   */
  async publishAll(requests: readonly PublishRequest[], timeoutMs: number): Promise<PublishResult[]> {
    const results: Promise<PublishResult>[] = [];
    const tokens: string[] = [];
    for (const request of requests) {
      const token = String(++this.next);
      tokens.push(token);
      results.push(
        new Promise<PublishResult>((resolve) => {
          this.pending.set(token, {
            request,
            settle: (result) => {
              if (this.pending.delete(token)) resolve(result);
            },
          });
        }),
      );
      const h = headers();
      h.set('Nats-Msg-Id', request.msgId);
      h.set('Nats-Expected-Stream', request.expectedStream);
      try {
        this.nc.publish(request.subject, request.data, { reply: `${this.inbox}.${token}`, headers: h });
      } catch (error) {
        // Thrown before anything was sent: too large for the server, a bad subject, or a closed connection.
        const message = (error as Error).message;
        const kind = this.nc.isClosed() || this.nc.isDraining() ? 'unanswered' : 'refused';
        this.pending.get(token)?.settle({ kind, error: message });
      }
    }

    let graceTimer: NodeJS.Timeout | undefined;
    const deadline = setTimeout(() => this.expire(tokens), timeoutMs);
    // When only messages with a foreign answer are left, give them a short grace instead of the full timeout.
    const watch = setInterval(() => {
      const open = tokens.map((t) => this.pending.get(t)).filter((p): p is Pending => !!p);
      if (open.length && open.every((p) => p.foreignAnswer !== undefined) && !graceTimer) {
        graceTimer = setTimeout(() => this.expire(tokens), FOREIGN_ANSWER_GRACE_MS);
      }
    }, 50);
    try {
      return await Promise.all(results);
    } finally {
      clearTimeout(deadline);
      clearTimeout(graceTimer);
      clearInterval(watch);
    }
  }

  close(): void {
    if (!this.subscription.isClosed()) this.subscription.unsubscribe();
    for (const token of [...this.pending.keys()]) this.pending.get(token)?.settle({ kind: 'unanswered', error: 'publisher closed' });
  }

  private expire(tokens: string[]) {
    for (const token of tokens) {
      const open = this.pending.get(token);
      if (!open) continue;
      open.settle(
        open.foreignAnswer !== undefined
          ? {
              kind: 'refused',
              error: `no JetStream acknowledgement from stream ${open.request.expectedStream}; only an answer that is not one: ${open.foreignAnswer}`,
            }
          : { kind: 'unanswered', error: 'no acknowledgement from JetStream in time' },
      );
    }
  }

  private onAnswer(error: Error | null, msg: Msg) {
    if (error) {
      // The subscription itself failed (permissions, connection closed): nothing more will arrive.
      for (const token of [...this.pending.keys()]) this.pending.get(token)?.settle({ kind: 'unanswered', error: error.message });
      return;
    }
    const token = msg.subject.slice(this.inbox.length + 1);
    const open = this.pending.get(token);
    if (!open) return;
    const { expectedStream } = open.request;
    if (msg.data.length === 0 && msg.headers?.code === 503) {
      open.settle({ kind: 'refused', error: `no stream stores ${open.request.subject} (no responders)` });
      return;
    }
    const text = new TextDecoder().decode(msg.data);
    let answer: unknown;
    try {
      answer = JSON.parse(text);
    } catch {
      open.foreignAnswer ??= text.slice(0, 200);
      return;
    }
    if (isObject(answer) && isObject(answer.error)) {
      // JetStream refused it (expected stream mismatch, message too large, ...).
      const { description, err_code } = answer.error;
      open.settle({ kind: 'refused', error: `JetStream refused the message: ${String(description)} (${String(err_code)})` });
      return;
    }
    if (isObject(answer) && answer.stream === expectedStream && Number.isSafeInteger(answer.seq) && (answer.seq as number) > 0) {
      open.settle({ kind: 'acknowledged', stream: expectedStream, seq: answer.seq as number, duplicate: answer.duplicate === true });
      return;
    }
    // An answer from something that is not the expected stream: keep waiting for the real acknowledgement.
    open.foreignAnswer ??= text.slice(0, 200);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
