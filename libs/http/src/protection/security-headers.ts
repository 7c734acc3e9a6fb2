import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import helmet from 'helmet';

/**
 * The headers OWASP's REST Security Cheat Sheet asks of a JSON API: nothing in an answer may run,
 * be framed, be cached or be sniffed as another type. Set as one constant object, since answers
 * are small and helmet's general-purpose set for web pages would triple their header bytes.
 *
 * Each header costs every answer about 2,600 instructions of the service's 130,000 (Fastify's and
 * Node's checks of name and value, and the header block's string; docs/benchmarks.md), so none is
 * sent twice over: `X-Frame-Options` is left out because the policy's `frame-ancestors 'none'`
 * replaces it in every browser that has CSP 2 (and takes precedence where both are sent), and
 * `Referrer-Policy` because an API answer is data read by scripts, not a page whose loads carry a
 * referrer (opened in a tab, it may load nothing under `default-src 'none'`). The web app's own
 * pages (apps/web/tools/web-server.mjs) keep both.
 */
const API_HEADERS = {
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
};

// reply.headers() takes the object's keys again on every call.
const API_HEADER_ENTRIES = Object.entries(API_HEADERS);

type Next = (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => void;

/**
 * API answers get API_HEADERS; the HTML of the OpenAPI UI at /api/docs gets helmet's page set. A step of
 * the service's one request hook (create-service-app.ts): sets the headers, then calls `next`, at once
 * for an API answer.
 */
export function securityHeaders(): (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction, next: Next) => void {
  // Built once: @fastify/helmet builds the middleware again on every request.
  const pageHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Swagger UI styles itself inline and shows data: images.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  return (request, reply, done, next) => {
    if (request.url.startsWith('/api/docs')) {
      pageHeaders(request.raw, reply.raw, (error?: unknown) => (error ? done(error as Error) : next(request, reply, done)));
      return;
    }
    for (const [name, value] of API_HEADER_ENTRIES) void reply.header(name, value);
    next(request, reply, done);
  };
}
