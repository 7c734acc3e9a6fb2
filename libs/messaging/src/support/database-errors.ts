// SQLSTATEs that say "the database could not do it right now", not "this message is wrong". Two kinds:
// - unavailable: connection exceptions (08), shutdowns (57P01-57P03), insufficient resources (53: too
//   many connections, out of disk or memory). An outage: every message fails alike, none is to blame.
// - contention: serialization failures (40001), deadlocks (40P01), lock time-outs (55P03). Usually gone
//   on the next try, but a handler that always collides (a lock order bug, a row held for ever) would
//   loop for ever: these are retried, and capped.
const UNAVAILABLE_CODES = new Set(['57P01', '57P02', '57P03', '53000', '53100', '53200', '53300', '53400']);
const CONTENTION_CODES = new Set(['40001', '40P01', '55P03']);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|terminating connection|Client has encountered a connection error|Connection is not established|the database system is (starting up|shutting down)/i;

/** Why the database refused, when it was not the message's fault. */
export type TransientDatabaseFailure = 'unavailable' | 'contention';

/**
 * Whether an error came from the database being unreachable (`unavailable`: retried without counting
 * towards the dead letters, for a database outage must not dead-letter every message that arrives
 * during it) or from colliding with other transactions (`contention`: retried, up to
 * `MESSAGING_MAX_CONTENTION_FAILURES`), rather than from the message or its handler (`undefined`).
 */
export function transientDatabaseFailure(error: unknown): TransientDatabaseFailure | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const { code, message, driverError, cause } = e as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown };
    if (typeof code === 'string') {
      if (UNAVAILABLE_CODES.has(code) || code.startsWith('08')) return 'unavailable';
      if (CONTENTION_CODES.has(code)) return 'contention';
    }
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return 'unavailable';
    e = driverError ?? cause;
  }
  return undefined;
}

/** Whether an error is a transient database failure of either kind. */
export function isTransientDatabaseError(error: unknown): boolean {
  return transientDatabaseFailure(error) !== undefined;
}
