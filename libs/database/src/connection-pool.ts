import { EventEmitter } from 'node:events';
import pg from 'pg';

/**
 * Why no database connection came in time (`DATABASE_POOL_ACQUIRE_TIMEOUT_MS`):
 * - `pool`: every pooled connection was busy for the whole wait (a burst, or slow statements);
 * - `connect`: a new connection did not open in time (Postgres overloaded or unreachable).
 */
export type ConnectionWaitTimeout = 'pool' | 'connect';

// pg-pool's own messages: it has no error codes for these, and TypeORM passes them on unwrapped
// (PostgresDriver.obtainMasterConnection rejects with the pool's error as it is).
const MESSAGES: Record<string, ConnectionWaitTimeout> = {
  'timeout exceeded when trying to connect': 'pool',
  'Connection terminated due to connection timeout': 'connect',
};

/**
 * Whether an error is the connection pool giving up waiting for a connection, and why; undefined for
 * any other error. Looks through TypeORM's `driverError` and `cause` too, in case a caller wrapped it.
 * Such an error is transient and says nothing about the request: HTTP answers it 503 with Retry-After.
 */
export function connectionWaitTimeout(error: unknown): ConnectionWaitTimeout | undefined {
  let current = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const { message, driverError, cause } = current as { message?: unknown; driverError?: unknown; cause?: unknown };
    if (typeof message === 'string' && Object.hasOwn(MESSAGES, message)) return MESSAGES[message];
    current = driverError ?? cause;
  }
  return undefined;
}

type ConnectCallback = (error: Error | undefined, client: pg.PoolClient | undefined, release: (error?: Error | boolean) => void) => void;

/**
 * pg's Pool, telling each time a caller gave up waiting for a connection: pg-pool answers the caller
 * with an error and emits nothing, so the count is taken where the answer passes.
 */
class ObservedPool extends pg.Pool {
  readonly waits = new EventEmitter();

  private noteFailure(error: unknown) {
    const reason = connectionWaitTimeout(error);
    if (reason) this.waits.emit('timeout', reason);
  }

  override connect(): Promise<pg.PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | void {
    if (!callback) {
      return super.connect().catch((error: unknown) => {
        this.noteFailure(error);
        throw error;
      });
    }
    super.connect((error, client, release) => {
      if (error) this.noteFailure(error);
      callback(error, client, release);
    });
  }
}

/**
 * The `driver` TypeORM is given instead of `pg` itself: pg with the observed Pool. TypeORM reads
 * `Pool` and `defaults` from it; leaving out `native` keeps it on the JavaScript client, as before.
 */
export const observedPg = { Pool: ObservedPool, defaults: pg.defaults };

/** Calls `listener` each time a caller of this pool (one made with `observedPg`) gave up waiting for a connection. */
export function onConnectionWaitTimeout(pool: unknown, listener: (reason: ConnectionWaitTimeout) => void): boolean {
  if (!(pool instanceof ObservedPool)) return false;
  pool.waits.on('timeout', listener);
  return true;
}
