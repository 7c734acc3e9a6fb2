import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { ServiceConfig } from '@globac/config';
import { JsonLogger, MetricsService, RequestContext } from '@globac/observability';
import type { LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { ErrorShapeFilter } from '../errors/error-shape.filter';
import { createValidationPipe } from '../errors/validation';
import { setupOpenApi } from './openapi';

export interface ServiceAppOptions {
  /** The service's name: companies, events, trips or reporting. */
  service: string;
  config: ServiceConfig;
  /** Defaults to a JSON logger at the configured level. */
  logger?: LoggerService;
  version?: string;
}

/** Routes outside the `/api` prefix and outside auth, docs and rate limits. */
export const OPERATIONAL_ROUTES = ['health/live', 'health/ready', 'metrics'];
const REQUEST_ID = /^[\w.:-]{1,128}$/;

/**
 * Clients are rate-limited by the subject of their bearer token when they send one (many users of
 * one office share an IP address), else by IP. The subject is read unverified here: a forged
 * token only moves its sender into another bucket and is refused by the auth guard anyway.
 */
export function rateLimitKey(request: { headers: Record<string, unknown>; ip: string }): string {
  const header = request.headers.authorization;
  if (typeof header === 'string' && header.startsWith('Bearer ')) {
    try {
      const payload = JSON.parse(Buffer.from(header.slice(7).split('.')[1] ?? '', 'base64url').toString('utf8'));
      if (typeof payload.sub === 'string' && payload.sub) return `sub:${payload.sub}`;
    } catch {
      // Not a JWT: fall back to the address.
    }
  }
  return `ip:${request.ip}`;
}

/** Creates a service's Nest application on Fastify with the platform's common behaviour. */
export async function createServiceApp(module: unknown, options: ServiceAppOptions): Promise<NestFastifyApplication> {
  const { config, service } = options;
  const logger = options.logger ?? new JsonLogger(service, config.LOG_LEVEL);
  const adapter = new FastifyAdapter({
    trustProxy: true,
    bodyLimit: 1024 * 1024,
    // Keep a caller's request id (from the ingress or the frontend) so one id follows the request everywhere.
    genReqId: (req: IncomingMessage) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(module as never, adapter, {
    logger,
    bufferLogs: true,
  });
  app.useLogger(logger);
  app.setGlobalPrefix('api', { exclude: OPERATIONAL_ROUTES });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ErrorShapeFilter());

  const fastify = app.getHttpAdapter().getInstance();
  const metrics = app.get(MetricsService);
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    RequestContext.run({ requestId: request.id, correlationId: request.id }, done);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    // The route template, not the URL, so that ids do not explode the label set.
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpDuration.observe(
      { method: request.method, route, status_code: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
    done();
  });
  await app.register(helmet as never, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Swagger UI at /api/docs styles itself inline and shows data: images.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
      },
    },
  });
  await app.register(rateLimit as never, {
    max: config.RATE_LIMIT_MAX,
    timeWindow: config.RATE_LIMIT_WINDOW_MS,
    keyGenerator: rateLimitKey,
    allowList: (request: { url: string }) => /^\/(health\/|metrics)/.test(request.url),
    errorResponseBuilder: (_request: unknown, context: { after: string; statusCode: number }) => ({
      statusCode: context.statusCode,
      error: 'TOO_MANY_REQUESTS',
      message: `Too many requests: try again in ${context.after}`,
    }),
  });

  setupOpenApi(app, service, options.version ?? '0.1.0');
  return app;
}
