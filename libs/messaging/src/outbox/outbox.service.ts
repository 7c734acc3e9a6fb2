import { ServiceConfig } from '@globac/config';
import { contractOf, createEnvelope, type EventClass, type IntegrationEventEnvelope, subjectOf } from '@globac/contracts';
import { RequestContext } from '@globac/observability';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging-options';

/** The channel the relay listens on; NOTIFY is delivered at commit, so it wakes the relay only for committed rows. */
export const OUTBOX_CHANNEL = 'globac_outbox';

export interface OutboxAddOptions {
  /** The event id; defaults to a new UUID. */
  id?: string;
  /** When the fact became true; defaults to now. */
  occurredOn?: Date;
  /** Defaults to the correlation id of the current request or handled event. */
  correlationId?: string;
}

/** Thrown when an event is added outside a transaction: it would not commit together with the change. */
export class OutboxTransactionRequiredError extends Error {
  constructor() {
    super('OutboxService.add needs the EntityManager of a running transaction (dataSource.transaction(async (manager) => ...))');
    this.name = 'OutboxTransactionRequiredError';
  }
}

/**
 * Writes integration events into the outbox table in the caller's transaction, so that a state change
 * and its events commit together or not at all; the relay publishes them afterwards.
 */
@Injectable()
export class OutboxService {
  constructor(
    private readonly config: ServiceConfig,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  /**
   * Adds one event. `data` is validated against its contract first (an invalid event throws and rolls
   * the transaction back rather than reaching consumers).
   */
  async add<T extends object>(manager: EntityManager, contract: EventClass<T>, data: T, options: OutboxAddOptions = {}): Promise<IntegrationEventEnvelope<T>> {
    const [envelope] = await this.write(manager, contract, [{ data, ...options }]);
    return envelope;
  }

  /** Adds several events of one type with one statement. */
  async addMany<T extends object>(
    manager: EntityManager,
    contract: EventClass<T>,
    events: ReadonlyArray<{ data: T } & OutboxAddOptions>,
  ): Promise<IntegrationEventEnvelope<T>[]> {
    return this.write(manager, contract, events);
  }

  private async write<T extends object>(
    manager: EntityManager,
    contract: EventClass<T>,
    events: ReadonlyArray<{ data: T } & OutboxAddOptions>,
  ): Promise<IntegrationEventEnvelope<T>[]> {
    if (!manager.queryRunner?.isTransactionActive) throw new OutboxTransactionRequiredError();
    if (!events.length) return [];
    const info = contractOf(contract);
    const subject = subjectOf(this.config.NATS_SUBJECT_PREFIX, info);
    const context = RequestContext.current();
    const envelopes = events.map(({ data, id, occurredOn, correlationId }) =>
      createEnvelope(contract, data, { id, occurredOn, source: this.options.service, correlationId: correlationId ?? context?.correlationId }),
    );
    await manager.query(
      `WITH inserted AS (
         INSERT INTO outbox (id, subject, event_type, event_version, envelope, occurred_on)
         SELECT id, $2, $3, $4, envelope, occurred_on FROM unnest($1::uuid[], $5::jsonb[], $6::timestamptz[]) AS e(id, envelope, occurred_on)
         RETURNING 1
       )
       SELECT pg_notify('${OUTBOX_CHANNEL}', '') WHERE EXISTS (SELECT 1 FROM inserted)`,
      [
        envelopes.map((e) => e.id),
        subject,
        info.type,
        info.version,
        envelopes.map((e) => JSON.stringify(e)),
        envelopes.map((e) => e.occurredOn),
      ],
    );
    return envelopes;
  }
}
