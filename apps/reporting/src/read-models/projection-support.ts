import type { IntegrationEventEnvelope } from '@globac/contracts';
import type { EntityManager } from 'typeorm';

/** The streams the read models are built from (one per producer). */
export const STREAMS = ['companies', 'events', 'trips'] as const;
export type StreamName = (typeof STREAMS)[number];

/** What the projections' SQL helpers need of a connection: an EntityManager, a migration's QueryRunner, a pg client wrapped. */
export interface Queryable {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(sql: string, params?: unknown[]): Promise<any>;
}

/** Keys share this many locks per namespace: a batch of hundreds of keys takes at most this many. */
const LOCK_BUCKETS = 64;

/** FNV-1a: the same bucket for a key in every replica. */
function bucketOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % LOCK_BUCKETS;
}

/**
 * Serialises, per key, the transactions that recompute something derived from several facts (the
 * current attendance of a registration, a company's municipality spans, a trip's current completion):
 * two replicas handling two facts of one registration at once would each see only their own. Keys
 * share a fixed number of locks (a batch never holds more than that many of Postgres' lock slots),
 * taken in sorted order so that two batches cannot deadlock on them; they end with the transaction.
 */
export async function lockKeys(manager: Queryable, namespace: string, keys: readonly string[]): Promise<void> {
  const buckets = [...new Set(keys.map(bucketOf))].sort((a, b) => a - b);
  if (!buckets.length) return;
  await manager.query(
    // unnest yields the array's order, so the locks are taken in it.
    `SELECT pg_advisory_xact_lock(hashtextextended($1 || ':' || b, 0)) FROM unnest($2::int[]) AS b`,
    [namespace, buckets],
  );
}

/**
 * Records the last event applied from a stream, for the status route. A row another transaction
 * holds is skipped rather than waited for: progress is information, and waiting on it could
 * deadlock with that transaction's other locks.
 */
export async function recordProgress(manager: EntityManager, stream: StreamName, events: readonly IntegrationEventEnvelope<unknown>[]): Promise<void> {
  const last = events[events.length - 1];
  if (!last) return;
  await manager.query(
    `WITH held AS (SELECT stream FROM stream_progress WHERE stream = $1 FOR UPDATE SKIP LOCKED)
     UPDATE stream_progress p SET last_event_id = $2, last_event_type = $3, last_occurred_on = $4, applied_at = clock_timestamp()
       FROM held WHERE p.stream = held.stream`,
    [stream, last.id, last.type, last.occurredOn],
  );
}

/** Keeps the last element per key (e.g. the highest revision, when sorted by it first). */
export function lastPerKey<T>(items: readonly T[], key: (item: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const item of items) byKey.set(key(item), item);
  return [...byKey.values()];
}

const SWITCH_LOCK = "hashtextextended('read-models-switch', 0)";

/**
 * Taken (shared) by every live handler before it touches a read model; a rebuild takes it exclusively
 * while it swaps the rebuilt tables in, so that no live transaction writes half into the old tables
 * and half into the new ones.
 */
export async function enterReadModels(manager: EntityManager): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock_shared(${SWITCH_LOCK})`);
}

/** The exclusive side of `enterReadModels`, for the rebuild's switch. */
export async function lockReadModelsForSwitch(manager: EntityManager): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(${SWITCH_LOCK})`);
}
