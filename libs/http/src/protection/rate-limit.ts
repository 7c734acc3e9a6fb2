import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export interface RateLimitOptions {
  /** Requests a client may make per window. */
  max: number;
  windowMs: number;
  /**
   * The verified subject of the request's bearer token, if the token was verified before and is still
   * valid; never a claim read from an unverified token (a client could name another subject on every
   * request).
   */
  verifiedSubject: (request: FastifyRequest) => string | undefined;
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

/** Probes and metrics: never limited. */
const isOperational = (url: string) => url.startsWith('/health/') || url.startsWith('/metrics');

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
 *
 * A step of the service's one request hook (create-service-app.ts): returns true when it answered 429.
 */
export function rateLimiter(fastify: FastifyInstance, options: RateLimitOptions): (request: FastifyRequest, reply: FastifyReply) => boolean {
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

  const { max } = options;
  const policy = `"default";q=${max};w=${Math.ceil(options.windowMs / 1000)}`;
  return (request, reply) => {
    if (isOperational(request.url)) return false;
    const now = Date.now();
    const subject = options.verifiedSubject(request);
    const w = subject === undefined ? byAddress.hit(request.ip, now) : bySubject.hit(subject, now);
    const resetSeconds = Math.ceil((w.resetAt - now) / 1000);
    // The IETF's RateLimit field (draft-ietf-httpapi-ratelimit-headers): what is left of the window
    // and when it starts again, in one header where the X-RateLimit-* convention takes three (each
    // header costs an answer about 2,600 instructions; security-headers.ts). The quota itself is
    // constant: RateLimit-Policy says it on the 429.
    void reply.header('ratelimit', `"default";r=${w.count < max ? max - w.count : 0};t=${resetSeconds}`);
    if (w.count <= max) return false;
    void reply
      .header('ratelimit-policy', policy)
      .header('retry-after', String(resetSeconds))
      .status(429)
      .send({ statusCode: 429, error: 'TOO_MANY_REQUESTS', message: `Too many requests: try again in ${resetSeconds} s` });
    return true;
  };
}
