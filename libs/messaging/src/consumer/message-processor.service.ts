import {
  type EventContract,
  EventRejectedError,
  type EventRejectionReason,
  type IntegrationEventEnvelope,
  parseEnvelope,
  resolveContract,
  validateEventData,
} from '@globac/contracts';
import { RequestContext } from '@globac/observability';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { HandlerRegistry, type RegisteredHandler } from '../handlers/handler-registry.service';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging-options';
import { durableNameOf } from '../nats/naming';
import { type TransientDatabaseFailure, transientDatabaseFailure } from '../support/database-errors';

/** A message as the processor sees it, from a consumer or from the dead letters. */
export interface IncomingMessage {
  readonly subject: string;
  readonly data: Uint8Array;
}

/** What became of one message. Everything but `failed` is final: the message is acked (or dead-lettered). */
export type ProcessOutcome =
  | { kind: 'handled'; eventType: string }
  | { kind: 'duplicate'; eventType: string }
  | { kind: 'ignored'; eventType: string }
  | { kind: 'rejected'; eventType: string; reason: EventRejectionReason; error: string; eventId?: string }
  /** `transient`: the database was away (`unavailable`) or the transaction collided with others (`contention`); else the handler failed. */
  | { kind: 'failed'; eventType: string; error: Error; transient?: TransientDatabaseFailure; eventId: string };

interface Decoded {
  index: number;
  envelope: IntegrationEventEnvelope<object>;
  contract: EventContract;
  handlers: readonly RegisteredHandler[];
}

/**
 * Turns messages into effects exactly once: decodes and validates them, then runs their handlers in one
 * transaction that first records every event id in the inbox (an id already there is a duplicate and
 * changes nothing). If that transaction fails, each message is tried alone, so that one bad message
 * does not hold back the others. Acking is the caller's job, after this returns (after the commit).
 */
@Injectable()
export class MessageProcessor {
  readonly consumer: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly handlers: HandlerRegistry,
    @Inject(MESSAGING_OPTIONS) options: MessagingOptions,
  ) {
    this.consumer = durableNameOf(options.service);
  }

  async process(messages: readonly IncomingMessage[]): Promise<ProcessOutcome[]> {
    const outcomes: ProcessOutcome[] = new Array(messages.length);
    const decoded: Decoded[] = [];
    messages.forEach((message, index) => {
      let envelope: IntegrationEventEnvelope<unknown> | undefined;
      try {
        envelope = parseEnvelope(message.data);
        const contract = resolveContract(envelope);
        const handlers = this.handlers.handlersOf(contract);
        if (!handlers.length) {
          outcomes[index] = { kind: 'ignored', eventType: contract.type };
          return;
        }
        const data = validateEventData(contract, envelope.data);
        decoded.push({ index, envelope: { ...envelope, id: envelope.id.toLowerCase(), data }, contract, handlers });
      } catch (error) {
        if (!(error instanceof EventRejectedError)) throw error;
        outcomes[index] = { kind: 'rejected', eventType: envelope?.type ?? 'unknown', reason: error.reason, error: error.message, eventId: envelope?.id };
      }
    });

    if (decoded.length) {
      try {
        await this.inTransaction(decoded, outcomes);
      } catch (error) {
        if (decoded.length === 1) {
          outcomes[decoded[0].index] = this.failure(decoded[0], error);
        } else {
          // Find the culprit(s): every message on its own.
          for (const one of decoded) {
            try {
              await this.inTransaction([one], outcomes);
            } catch (single) {
              outcomes[one.index] = this.failure(one, single);
            }
          }
        }
      }
    }
    return outcomes;
  }

  private failure(one: Decoded, error: unknown): ProcessOutcome {
    // An RPC exception filter may hand back a plain object (an RpcException's error): keep what it says.
    const err = error instanceof Error ? error : new Error(typeof error === 'object' && error !== null ? JSON.stringify(error) : String(error));
    return { kind: 'failed', eventType: one.contract.type, error: err, transient: transientDatabaseFailure(err), eventId: one.envelope.id };
  }

  private async inTransaction(batch: Decoded[], outcomes: ProcessOutcome[]): Promise<void> {
    const results: [number, ProcessOutcome][] = [];
    await this.dataSource.transaction(async (manager) => {
      const inserted: { event_id: string }[] = await manager.query(
        `INSERT INTO inbox (consumer, event_id, event_type)
         SELECT $1, id, type FROM unnest($2::uuid[], $3::text[]) AS m(id, type)
         ON CONFLICT DO NOTHING RETURNING event_id`,
        [this.consumer, batch.map((d) => d.envelope.id), batch.map((d) => d.contract.type)],
      );
      const fresh = new Set(inserted.map((row) => row.event_id));
      const toHandle: Decoded[] = [];
      for (const one of batch) {
        // The same id twice in one batch (published twice): the first one counts.
        if (fresh.delete(one.envelope.id)) toHandle.push(one);
        else results.push([one.index, { kind: 'duplicate', eventType: one.contract.type }]);
      }
      // Runs of consecutive events of one type keep stream order and let batch handlers take many at once.
      for (let start = 0; start < toHandle.length; ) {
        let end = start + 1;
        while (end < toHandle.length && toHandle[end].contract === toHandle[start].contract) end++;
        await this.handleRun(toHandle.slice(start, end), manager);
        for (const one of toHandle.slice(start, end)) results.push([one.index, { kind: 'handled', eventType: one.contract.type }]);
        start = end;
      }
    });
    // Only after the commit: a rolled-back batch has no outcomes.
    for (const [index, outcome] of results) outcomes[index] = outcome;
  }

  private async handleRun(run: Decoded[], manager: EntityManager) {
    for (const handler of run[0].handlers) {
      if (handler.batch) {
        const first = run[0].envelope;
        // A batch carries several correlation ids; its log lines carry the first one's.
        await RequestContext.run({ requestId: first.id, correlationId: first.correlationId }, () =>
          handler.invoke(
            run.map((d) => d.envelope),
            manager,
          ),
        );
      } else {
        for (const { envelope } of run) {
          await RequestContext.run({ requestId: envelope.id, correlationId: envelope.correlationId }, () => handler.invoke([envelope], manager));
        }
      }
    }
  }
}
