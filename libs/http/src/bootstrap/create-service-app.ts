import type { IncomingMessage } from 'node:http';
import type { FastifyError, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { randomUUID } from 'node:crypto';
import { bearerToken, REMEMBERED_BEARER, type RememberedToken, TokenVerifier, type WithRememberedBearer } from '@globac/auth';
import type { ServiceConfig } from '@globac/config';
import { JsonLogger, MetricsService, RequestContext } from '@globac/observability';
import type { LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { ErrorShapeFilter, MAX_PATH_PARAM_LENGTH, routerErrorBody } from '../errors/error-shape.filter';
import { InputPipe } from '../errors/validation';
import { registerJsonBodyParser } from '../protection/json-depth';
import { queryAllowList, routesWithoutQuery } from '../protection/query-allow-list';
import { rateLimiter } from '../protection/rate-limit';
import { securityHeaders } from '../protection/security-headers';
import type { OpenAPIObject } from '@nestjs/swagger';
import { applyPipeToParameters } from './input-pipe-params';
import { buildOpenApiDocument, setupOpenApi } from './openapi';
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
/** One for every app of the process: stateless, and so the controllers' metadata gets it once. */
const INPUT_PIPE = new InputPipe();
/** The last verified bearer header of a connection, and what the verifier remembered of its token. */
interface LastBearer {
  readonly header: string;
  readonly token: RememberedToken;
}
/** Larger bodies are refused with 413. */
export const BODY_LIMIT = 1024 * 1024;

/**
 * Creates a service's Nest application on Fastify with the platform's common behaviour, with the
 * service's transport (the integration-event consumers) connected as a microservice. Start it with
 * `startServiceApp`.
 */
export async function createServiceApp(module: unknown, options: ServiceAppOptions): Promise<NestFastifyApplication> {
  const { config, service } = options;
  const logger = options.logger ?? new JsonLogger(service, config.LOG_LEVEL);
  const adapter = new FastifyAdapter({
    // Only the proxies the deployment puts in front (the ingress) may name the client's address: with
    // every hop trusted, a client would pick its own address in X-Forwarded-For, and so its rate limit.
    // (proxy-addr's hop index: 0 is the socket's peer, the nearest proxy.)
    trustProxy: (_address: string, hop: number) => hop < config.TRUST_PROXY_HOPS,
    bodyLimit: BODY_LIMIT,
    // Keep a caller's request id (from the ingress or the frontend) so one id follows the request everywhere.
    genReqId: (req: IncomingMessage) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    // A malformed id of any length reaches its pipe, which names the parameter (routerErrorBody).
    routerOptions: { maxParamLength: MAX_PATH_PARAM_LENGTH },
    // Fastify's router refuses a path that is not valid percent-encoding before Nest sees the request:
    // answer it in the common shape too, as the 400 VALIDATION_FAILED every operation documents.
    frameworkErrors: (error: FastifyError, _request: FastifyRequest, reply: FastifyReply) => {
      void reply.status(400).send(routerErrorBody(error));
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(module as never, adapter, {
    logger,
    bufferLogs: true,
    // The APIs take JSON only (registerJsonBodyParser): no form or plain-text bodies, answered 415.
    bodyParser: false,
  });
  app.useLogger(logger);
  app.setGlobalPrefix('api', { exclude: OPERATIONAL_ROUTES });
  registerJsonBodyParser(app, BODY_LIMIT);
  app.getHttpAdapter().getInstance().removeContentTypeParser('text/plain');
  // Every body, query and path parameter goes through the InputPipe, as a global pipe would put it,
  // but a custom parameter (@CurrentPrincipal) does not: see applyPipeToParameters.
  applyPipeToParameters(app, INPUT_PIPE);
  app.useGlobalFilters(new ErrorShapeFilter());

  const fastify = app.getHttpAdapter().getInstance();
  const metrics = app.get(MetricsService);
  const verifier = app.get(TokenVerifier);
  // The verifier's memory of the request's bearer token, looked up once for the rate limiter and
  // kept on the request for the auth guard (REMEMBERED_BEARER). Declared, so that every request
  // object has the same shape.
  fastify.decorateRequest(REMEMBERED_BEARER, null);
  // Beside the sockets, not on them: a property added to Node's socket objects changed their shape
  // and sent V8 through its slow paths on every request (twice the instructions, measured).
  const lastBearers = new WeakMap<object, LastBearer>();
  const rememberBearer = (request: FastifyRequest): string | undefined => {
    const header = request.headers.authorization;
    if (header === undefined) return undefined;
    // A client sends the same header on every request of a kept-alive connection: compared with the
    // connection's last one, it is found without hashing its few hundred characters into the
    // verifier's map. A different header (another user through the same proxy connection, a renewed
    // token) is looked up there as before; either way only while the verified token holds.
    const socket = request.raw.socket;
    let last = lastBearers.get(socket);
    if (last === undefined || last.header !== header || last.token.until <= Date.now()) {
      const token = bearerToken(header);
      const remembered = token === undefined ? undefined : verifier.rememberedToken(token);
      if (remembered === undefined) return undefined;
      lastBearers.set(socket, (last = { header, token: remembered }));
    }
    (request as WithRememberedBearer)[REMEMBERED_BEARER] = { header, principal: last.token.principal };
    return last.token.principal.subject;
  };
  const setSecurityHeaders = securityHeaders();
  const limitRate = rateLimiter(fastify, {
    max: config.RATE_LIMIT_MAX,
    windowMs: config.RATE_LIMIT_WINDOW_MS,
    verifiedSubject: rememberBearer,
  });
  const refuseUnknownQuery = queryAllowList(routesWithoutQuery(app, 'api', OPERATIONAL_ROUTES));
  const limits = (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
    if (limitRate(request, reply) || refuseUnknownQuery(request, reply)) return; // answered
    done();
  };
  const onRequest = (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
    void reply.header('x-request-id', request.id);
    setSecurityHeaders(request, reply, done, limits);
  };
  // One onRequest hook for the request id, the security headers, the rate limit and the query
  // allow-list, in that order: Fastify runs each hook through its own iterator step, which showed in
  // the profile of a trivial request. Everything after it (and so every log line of the request) runs
  // in the request's context.
  fastify.addHook('onRequest', (request, reply, done) => {
    RequestContext.run({ requestId: request.id, correlationId: request.id }, onRequest, request, reply, done);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    // The route template, not the URL, so that ids do not explode the label set.
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.observeHttpRequest(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
    done();
  });

  setupOpenApi(app, service, options.version ?? '0.1.0');
  connectServiceTransport(app);
  return app;
}

/**
 * A service's OpenAPI document without starting it: Nest's preview mode builds the module graph but
 * creates no providers, so no database or NATS is needed (`npm run api:generate`, and the test that
 * keeps docs/openapi current).
 */
export async function createOpenApiDocument(module: unknown, service: string, version = '0.1.0'): Promise<OpenAPIObject> {
  const app = await NestFactory.create<NestFastifyApplication>(module as never, new FastifyAdapter(), { preview: true, logger: false });
  try {
    app.setGlobalPrefix('api', { exclude: OPERATIONAL_ROUTES });
    return buildOpenApiDocument(app, service, version);
  } finally {
    await app.close();
  }
}
