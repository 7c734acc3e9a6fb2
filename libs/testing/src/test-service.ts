import { type DevTokenClaims, signDevToken } from '@globac/auth';
import { loadConfig, type ServiceConfig } from '@globac/config';
import { createServiceApp, startServiceApp } from '@globac/http';
import { JsonLogger } from '@globac/observability';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { OpenApiResponseValidator } from './openapi-validator';
import { dropTestDatabase } from './test-database';
import { testInfrastructure, uniqueName } from './test-names';
import { deleteTestStreams } from './test-nats';

export interface TestServiceOptions<C extends ServiceConfig> {
  service: string;
  configClass: new () => C;
  createModule: (config: C) => unknown;
  /** Extra environment for this app (on top of an isolated database and subject prefix). */
  env?: Record<string, string>;
  /** Reuse a database (and subject prefix) of an earlier instance, e.g. to restart a service. */
  reuse?: { databaseName: string; subjectPrefix: string };
}

export interface TestService<C extends ServiceConfig> {
  app: NestFastifyApplication;
  config: C;
  /**
   * supertest against the real HTTP server. Every answer is also checked against the service's own
   * OpenAPI document (status listed for the operation, body valid against its schema): a test fails
   * when the service and its document disagree.
   */
  http: () => ReturnType<typeof request>;
  /** The service's OpenAPI document, as it serves it. */
  openApi: Record<string, unknown>;
  token: (claims: DevTokenClaims) => Promise<string>;
  /** Stops the app (as on SIGTERM); keeps the database so that a restart can reuse it. */
  stop: () => Promise<void>;
  /** Stops the app, drops its database and deletes its streams. */
  close: () => Promise<void>;
}

/**
 * Boots a real service app on an ephemeral port against the real Postgres and NATS, with its own
 * database (`globac_test_<service>_<random>`) and its own NATS subject prefix, so that parallel test
 * files and `npm start`'s data never meet.
 */
export async function startTestService<C extends ServiceConfig>(options: TestServiceOptions<C>): Promise<TestService<C>> {
  const env = {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL || 'silent',
    POSTGRES_URL: testInfrastructure.postgresUrl,
    NATS_URL: testInfrastructure.natsUrl,
    DATABASE_NAME: options.reuse?.databaseName ?? uniqueName(`globac_test_${options.service}`),
    NATS_SUBJECT_PREFIX: options.reuse?.subjectPrefix ?? uniqueName('t').replace(/_/g, '-'),
    NATS_STREAM_STORAGE: 'memory',
    RATE_LIMIT_MAX: '100000',
    ...options.env,
  };
  const config = loadConfig(options.configClass, env);
  const logger = new JsonLogger(options.service, config.LOG_LEVEL);
  const app = await createServiceApp(options.createModule(config), { service: options.service, config, logger });
  await startServiceApp(app, { port: 0, host: '127.0.0.1' });
  const openApi = (await request(app.getHttpServer()).get('/api/docs/openapi.json').expect(200)).body as Record<string, unknown>;
  const validator = new OpenApiResponseValidator(openApi);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await app.close();
  };
  return {
    app,
    config,
    http: () => checkedAgent(request(app.getHttpServer()), validator),
    openApi,
    token: (claims) => signDevToken(claims, config.AUTH_DEV_SECRET),
    stop,
    close: async () => {
      await stop();
      await Promise.all([dropTestDatabase(config.DATABASE_NAME), deleteTestStreams(config.NATS_SUBJECT_PREFIX)]);
    },
  };
}

const AGENT_METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'];

/**
 * A supertest agent whose every request, when it ends, also checks the answer against the document.
 * The check runs after the test's own `.expect(...)`s, so a wrong status is reported as the test put it.
 */
export function checkedAgent<A extends object>(agent: A, validator: OpenApiResponseValidator): A {
  return new Proxy(agent, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof property !== 'string' || !AGENT_METHODS.includes(property) || typeof value !== 'function') return value;
      return (url: string, ...rest: unknown[]) => {
        const test = value.call(target, url, ...rest) as request.Test;
        const end = test.end;
        test.end = function (this: request.Test, callback) {
          this.expect((res) => {
            validator.check(property, url, res);
            // What .send() was given: a string is raw text (malformed JSON on purpose), not a JSON body.
            const sent = (this as unknown as { _data?: unknown })._data;
            if (sent !== undefined && typeof sent !== 'string') validator.checkAcceptedRequest(property, url, res.status, sent);
          });
          return end.call(this, callback);
        };
        return test;
      };
    },
  });
}
