import type { FastifyInstance, FastifyRequest } from 'fastify';

export interface RateLimitOptions {
  /** Requests a client may make per window. */
  max: number;
  windowMs: number;
}

/**
 * Clients are told apart by the subject of their bearer token when they send one (many users of one
 * office share an IP address), else by IP. The subject is read unverified here: a forged token only
 * moves its sender into another bucket, and the auth guard refuses it anyway.
 */
export function rateLimitKey(request: Pick<FastifyRequest, 'headers' | 'ip'>): string {
  const header = request.headers.authorization;
  if (typeof header !== 'string' || !header.startsWith('Bearer ')) return `ip:${request.ip}`;
  // A client repeats its token on every request: decode it once, and keep the key itself, whose hash
  // the windows' map then finds already computed.
  let key = keysByHeader.get(header);
  if (key === undefined) {
    const subject = tokenSubject(header.slice(7));
    key = subject ? `sub:${subject}` : '';
    if (keysByHeader.size >= 10_000) keysByHeader.delete(keysByHeader.keys().next().value!);
    keysByHeader.set(header, key);
  }
  return key || `ip:${request.ip}`;
}

const keysByHeader = new Map<string, string>();

function tokenSubject(token: string): string {
  const payload = token.split('.')[1];
  if (!payload) return '';
  try {
    const sub = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')).sub;
    return typeof sub === 'string' ? sub : '';
  } catch {
    return ''; // not a JWT: the caller falls back to the address
  }
}

const OPERATIONAL = /^\/(health\/|metrics)/;

/**
 * Per-client fixed-window limits, answered with 429 TOO_MANY_REQUESTS and Retry-After. Synchronous
 * and in memory: @fastify/rate-limit's promise-based path halved the requests per second of a trivial
 * request here. The count is per replica; a limit across replicas belongs in the ingress.
 * Probes and metrics are never limited.
 */
export function registerRateLimit(fastify: FastifyInstance, options: RateLimitOptions) {
  const windows = new Map<string, { count: number; resetAt: number }>();
  const sweep = setInterval(() => {
    const now = Date.now();
    for (const [key, w] of windows) if (w.resetAt <= now) windows.delete(key);
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
    const key = rateLimitKey(request);
    let w = windows.get(key);
    if (!w || w.resetAt <= now) {
      w = { count: 0, resetAt: now + options.windowMs };
      windows.set(key, w);
    }
    w.count++;
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
