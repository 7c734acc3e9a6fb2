// SQLSTATEs that say "the database could not do it right now", not "this message is wrong":
// connection exceptions (08), serialization failures and deadlocks, lock timeouts, shutdowns, too many
// connections, out of disk or memory.
const TRANSIENT_CODES = new Set(['40001', '40P01', '55P03', '57P01', '57P02', '57P03', '53000', '53100', '53200', '53300', '53400']);
const TRANSIENT_MESSAGES =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|terminating connection|Client has encountered a connection error|Connection is not established|the database system is (starting up|shutting down)/i;

/**
 * Whether an error came from the database being unreachable or busy rather than from the message:
 * such a failure is retried without counting towards the dead letters (a database outage must not
 * dead-letter every message that arrives during it).
 */
export function isTransientDatabaseError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const { code, message, driverError, cause } = e as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown };
    if (typeof code === 'string' && (TRANSIENT_CODES.has(code) || code.startsWith('08'))) return true;
    if (typeof message === 'string' && TRANSIENT_MESSAGES.test(message)) return true;
    e = driverError ?? cause;
  }
  return false;
}
