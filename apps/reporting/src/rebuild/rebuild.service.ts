import { randomUUID } from 'node:crypto';
import { ServiceConfig } from '@globac/config';
import { EventRejectedError, type IntegrationEventEnvelope, parseEnvelope, resolveContract, validateEventData } from '@globac/contracts';
import { isUniqueViolation } from '@globac/database';
import { NatsConnectionService, producerStreamName } from '@globac/messaging';
import { DeliverPolicy, type JsMsg } from '@nats-io/jetstream';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { lockReadModelsForSwitch, STREAMS } from '../read-models/projection-support';
import { PROJECTORS, READ_MODEL_TABLES } from '../read-models/projectors';
import { RebuildAlreadyRunningException } from './rebuild.exception';

/** Messages applied per transaction while replaying. */
const REPLAY_BATCH = 500;
/** A running rebuild whose replica stopped beating for this long is taken as abandoned. */
const ABANDONED_AFTER = '2 minutes';

/**
 * Rebuild by replay: every stream is read again from its first message (an ordered consumer, nothing
 * kept on the server) into a fresh set of the read-model tables in a schema of their own, while the
 * live consumers keep the current tables and the API answers from them. When the replay has caught
 * up, the switch — under a lock that holds the live handlers back for the moment — replays what came
 * in meanwhile and swaps the fresh tables in by moving schemas; the old ones are dropped. Projections
 * are idempotent on their own, so an event applied by both the replay and a live handler counts once.
 */
@Injectable()
export class RebuildService implements OnModuleDestroy {
  private readonly logger = new Logger('Rebuild');
  private running?: Promise<void>;
  private stopping = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly nats: NatsConnectionService,
    private readonly config: ServiceConfig,
  ) {}

  async onModuleDestroy() {
    this.stopping = true;
    await this.running;
  }

  /** Starts a rebuild in this replica; refused while one runs anywhere. */
  async start(startedBy: string): Promise<{ id: string; state: string }> {
    const id = randomUUID();
    await this.dataSource.query(`UPDATE rebuild SET state = 'failed', error = 'abandoned (no progress)', finished_at = now()
                                  WHERE state = 'running' AND heartbeat_at < now() - interval '${ABANDONED_AFTER}'`);
    try {
      await this.dataSource.query(`INSERT INTO rebuild (id, state, started_by) VALUES ($1, 'running', $2)`, [id, startedBy]);
    } catch (error) {
      if (!isUniqueViolation(error, 'rebuild_one_running')) throw error;
      const [running] = await this.dataSource.query(`SELECT id FROM rebuild WHERE state = 'running'`);
      // The running one ended between the insert and this look: nothing runs now, so this one may start
      // (rather than answer REBUILD_RUNNING with no rebuild to name).
      if (!running) return this.start(startedBy);
      throw new RebuildAlreadyRunningException(running.id);
    }
    this.running = this.run(id)
      .catch(async (error: Error) => {
        this.logger.error(`rebuild ${id} failed: ${error.stack ?? error.message}`);
        await this.dataSource
          .query(`UPDATE rebuild SET state = 'failed', error = $2, finished_at = now() WHERE id = $1`, [id, error.message.slice(0, 1000)])
          .catch(() => undefined);
      })
      .finally(() => (this.running = undefined));
    return { id, state: 'running' };
  }

  private async run(id: string) {
    const schema = `rebuild_${id.replace(/-/g, '').slice(0, 16)}`;
    await this.dataSource.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await this.dataSource.query(`CREATE SCHEMA ${schema}`);
    for (const table of READ_MODEL_TABLES) await this.dataSource.query(`CREATE TABLE ${schema}.${table} (LIKE public.${table} INCLUDING ALL)`);
    await this.dataSource.query(`ALTER TABLE ${schema}.trip_traveller ADD FOREIGN KEY (fact_id) REFERENCES ${schema}.trip_completion (fact_id)`);

    const jsm = await this.nats.jetstreamManager();
    const targets = new Map<string, number>();
    for (const stream of STREAMS) {
      const name = producerStreamName(this.config.NATS_SUBJECT_PREFIX, stream);
      const info = await jsm.streams.info(name).catch(() => undefined);
      targets.set(name, info?.state.last_seq ?? 0);
    }
    await this.dataSource.query('UPDATE rebuild SET total = $2, heartbeat_at = now() WHERE id = $1', [id, [...targets.values()].reduce((a, b) => a + b, 0)]);

    // The bulk of it, while the live handlers go on with the current tables.
    const replayedUpTo = new Map<string, number>();
    for (const [name, last] of targets) replayedUpTo.set(name, await this.replay(id, schema, name, 0, last, this.dataSource.manager));

    // The switch: live handlers wait on the lock; what arrived since the targets is replayed, then the
    // schemas are swapped. Everything in one transaction, so the API sees the old tables or the new.
    await this.dataSource.transaction(async (manager) => {
      await lockReadModelsForSwitch(manager);
      for (const stream of STREAMS) {
        const name = producerStreamName(this.config.NATS_SUBJECT_PREFIX, stream);
        const info = await jsm.streams.info(name).catch(() => undefined);
        const last = info?.state.last_seq ?? 0;
        const from = replayedUpTo.get(name) ?? 0;
        if (last > from) await this.replay(id, schema, name, from, last, manager);
      }
      const old = `${schema}_old`;
      await manager.query(`CREATE SCHEMA ${old}`);
      for (const table of READ_MODEL_TABLES) await manager.query(`ALTER TABLE public.${table} SET SCHEMA ${old}`);
      for (const table of READ_MODEL_TABLES) await manager.query(`ALTER TABLE ${schema}.${table} SET SCHEMA public`);
      await manager.query(`DROP SCHEMA ${old} CASCADE`);
      await manager.query(`DROP SCHEMA ${schema}`);
      await manager.query(`UPDATE rebuild SET state = 'switched', finished_at = now(), heartbeat_at = now() WHERE id = $1`, [id]);
    });
    this.logger.log(`rebuild ${id} switched`);
  }

  /**
   * Applies the stream's messages after `after` up to `last` (stream sequences) to the tables in
   * `schema`, a batch per transaction (or all inside `outer`, the switch's transaction). Returns the
   * last sequence applied.
   */
  private async replay(id: string, schema: string, stream: string, after: number, last: number, outer: EntityManager): Promise<number> {
    if (last <= after) return after;
    const js = await this.nats.jetstream();
    const consumer = await js.consumers.get(stream, { opt_start_seq: after + 1, deliver_policy: DeliverPolicy.StartSequence });
    const messages = await consumer.consume({ max_messages: REPLAY_BATCH });
    let batch: JsMsg[] = [];
    let applied = after;
    try {
      for await (const message of messages) {
        if (this.stopping) throw new Error('the service is stopping');
        batch.push(message);
        const seq = message.info.streamSequence;
        if (batch.length >= REPLAY_BATCH || seq >= last) {
          await this.apply(id, schema, batch, outer === this.dataSource.manager ? undefined : outer);
          applied = seq;
          batch = [];
        }
        if (seq >= last) break;
      }
    } finally {
      await messages.close().catch(() => undefined);
    }
    return applied;
  }

  private async apply(id: string, schema: string, messages: JsMsg[], outer?: EntityManager) {
    const events: IntegrationEventEnvelope<never>[] = [];
    for (const message of messages) {
      try {
        const envelope = parseEnvelope(message.data);
        const contract = resolveContract(envelope);
        if (!PROJECTORS.has(contract.type)) continue;
        events.push({ ...envelope, id: envelope.id.toLowerCase(), data: validateEventData(contract, envelope.data) } as IntegrationEventEnvelope<never>);
      } catch (error) {
        // What the live consumer dead-lettered is left out here too (replaying dead letters puts it in).
        if (!(error instanceof EventRejectedError)) throw error;
      }
    }
    const work = async (manager: EntityManager) => {
      await manager.query(`SET LOCAL search_path TO ${schema}`);
      for (let start = 0; start < events.length; ) {
        let end = start + 1;
        while (end < events.length && events[end].type === events[start].type) end++;
        await PROJECTORS.get(events[start].type)!(events.slice(start, end), manager);
        start = end;
      }
      await manager.query(`SET LOCAL search_path TO public`);
      await manager.query('UPDATE rebuild SET replayed = replayed + $2, heartbeat_at = now() WHERE id = $1', [id, messages.length]);
    };
    if (outer) await work(outer);
    else await this.dataSource.transaction(work);
  }
}
