import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { ServiceConfig } from '@globac/config';
import { JsonLogger, MetricsService, RequestContext } from '@globac/observability';
import type { LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { ErrorShapeFilter } from '../errors/error-shape.filter';
import { InputPipe } from '../errors/validation';
import { registerRateLimit } from '../protection/rate-limit';
import { registerSecurityHeaders } from '../protection/security-headers';
import { setupOpenApi } from './openapi';
import { connectServiceTransport } from './service-transport';

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
 * Creates a service's Nest application on Fastify with the platform's common behaviour, with the
 * service's transport (the integration-event consumers) connected as a microservice. Start it with
 * `startServiceApp`.
 */
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
  app.useGlobalPipes(new InputPipe());
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
    metrics.observeHttpRequest(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
  registerSecurityHeaders(fastify);
  registerRateLimit(fastify, { max: config.RATE_LIMIT_MAX, windowMs: config.RATE_LIMIT_WINDOW_MS });

  setupOpenApi(app, service, options.version ?? '0.1.0');
  connectServiceTransport(app);
  return app;
}
