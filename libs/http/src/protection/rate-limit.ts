import type { FastifyInstance } from 'fastify';

export interface RateLimitOptions {
  /** Requests a client may make per window. */
  max: number;
  windowMs: number;
  /**
   * The verified subject of a bearer token, if the token was verified before and is still valid; never
   * a claim read from an unverified token (a client could name another subject on every request).
   */
  verifiedSubject: (token: string) => string | undefined;
  /** Most clients of each kind (subjects, addresses) tracked at once; the oldest window goes first. */
  maxClients?: number;
}

interface Window {
  count: number;
  resetAt: number;
}

/** Beyond this many clients in one window the oldest window is forgotten (about 100 bytes each). */
export const DEFAULT_MAX_CLIENTS = 100_000;

/**
 * Fixed windows per client, bounded. The map is kept in the order the windows started (a renewed
 * window is moved to the end), so the expired ones are always at its front: making room costs only
 * what it deletes.
 */
export class RateLimitWindows {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly windowMs: number,
    private readonly maxClients = DEFAULT_MAX_CLIENTS,
  ) {}

  get size(): number {
    return this.windows.size;
  }

  /** Counts one request of `client` and returns its window. */
  hit(client: string, now: number): Window {
    let w = this.windows.get(client);
    if (w === undefined || w.resetAt <= now) {
      if (w !== undefined) this.windows.delete(client);
      else if (this.windows.size >= this.maxClients) this.makeRoom(now);
      w = { count: 0, resetAt: now + this.windowMs };
      this.windows.set(client, w);
    }
    w.count++;
    return w;
  }

  /** Deletes the expired windows; when full, also the oldest live one. */
  makeRoom(now: number): void {
    for (const [client, w] of this.windows) {
      if (w.resetAt > now) break;
      this.windows.delete(client);
    }
    // Still full of live windows (more clients than the cap in one window): forgetting the oldest
    // lets that client start afresh, which is better than refusing every new client.
    if (this.windows.size >= this.maxClients) this.windows.delete(this.windows.keys().next().value!);
  }
}

const OPERATIONAL = /^\/(health\/|metrics)/;

/** The token of an `Authorization: Bearer <token>` header, as the auth guard reads it. */
function bearerToken(header: string | undefined): string | undefined {
  if (typeof header !== 'string' || header.length < 8) return undefined;
  // The usual spelling first: no lower-cased copy on the hot path.
  if (header.startsWith('Bearer ') || (header.charCodeAt(6) === 32 && header.slice(0, 6).toLowerCase() === 'bearer')) return header.slice(7);
  return undefined;
}

/**
 * Per-client fixed-window limits, answered with 429 TOO_MANY_REQUESTS and Retry-After. Synchronous
 * and in memory: @fastify/rate-limit's promise-based path halved the requests per second of a trivial
 * request here. The count is per replica; a limit across replicas belongs in the ingress.
 * Probes and metrics are never limited.
 *
 * A client is its verified token subject (many users of one office share an address) when the auth
 * guard verified its token before, else its address. A token seen for the first time, forged or
 * not, counts against the address: verification is asynchronous and costs more than the rest of a
 * request, so it is not done here, and a client that rotates forged tokens stays one client.
 */
export function registerRateLimit(fastify: FastifyInstance, options: RateLimitOptions) {
  const bySubject = new RateLimitWindows(options.windowMs, options.maxClients);
  const byAddress = new RateLimitWindows(options.windowMs, options.maxClients);
  const sweep = setInterval(() => {
    const now = Date.now();
    bySubject.makeRoom(now);
    byAddress.makeRoom(now);
  }, options.windowMs);
  sweep.unref();
  fastify.addHook('onClose', (_instance, done) => {
    clearInterval(sweep);
    done();
  });

  const limit = String(options.max);
  fastify.addHook('onRequest', (request, reply, done) => {
    if (OPERATIONAL.test(request.url)) return done();
    const now = Date.now();
    const token = bearerToken(request.headers.authorization);
    const subject = token === undefined ? undefined : options.verifiedSubject(token);
    const w = subject === undefined ? byAddress.hit(request.ip, now) : bySubject.hit(subject, now);
    const resetSeconds = Math.ceil((w.resetAt - now) / 1000);
    void reply.header('x-ratelimit-limit', limit);
    void reply.header('x-ratelimit-remaining', String(Math.max(0, options.max - w.count)));
    void reply.header('x-ratelimit-reset', String(resetSeconds));
    if (w.count <= options.max) return done();
    void reply
      .header('retry-after', String(resetSeconds))
      .status(429)
      .send({ statusCode: 429, error: 'TOO_MANY_REQUESTS', message: `Too many requests: try again in ${resetSeconds} s` });
  });
}
