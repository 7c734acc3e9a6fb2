import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type DynamicModule } from '@nestjs/common';
import { parse } from 'yaml';
import type { ServiceConfig } from '@globac/config';
import { findVagueSchemas } from './openapi-exactness';
import { openApiPaths, renderApiTypes, renderOpenApiDocument } from './openapi-files';
import { OpenApiResponseValidator } from './openapi-validator';
import { startTestService, type TestService } from './test-service';

/**
 * What every service must show the platform does for it, as one jest suite: readiness on its real
 * database, 401 in the common shape without a token, the OpenAPI document and Prometheus metrics.
 */
export function describeServicePlatform<C extends ServiceConfig>(
  service: string,
  configClass: new () => C,
  createModule: (config: C) => DynamicModule,
) {
  describe(`${service} service platform (real Postgres and NATS)`, () => {
    let app: TestService<C>;

    beforeAll(async () => {
      app = await startTestService({ service, configClass, createModule });
    });
    afterAll(() => app?.close());

    it('creates its own database, migrates it and is ready', async () => {
      const res = await app.http().get('/health/ready').expect(200);
      expect(res.body).toMatchObject({ status: 'ok', details: { database: { status: 'up' } } });
      await app.http().get('/health/live').expect(200, { status: 'ok' });
    });

    it('reports the NATS connection in the readiness details', async () => {
      const res = await app.http().get('/health/ready').expect(200);
      expect(res.body.details.nats).toMatchObject({ status: expect.stringMatching(/^(up|down)$/) });
    });

    it('answers 401 in the common error shape without a token', async () => {
      const res = await app.http().get('/api/whoami').expect(401);
      expect(res.body).toEqual({ statusCode: 401, error: 'UNAUTHORIZED', message: 'A bearer token is required' });
    });

    it('knows the caller from a development token', async () => {
      const token = await app.token({ role: 'staff' });
      const res = await app.http().get('/api/whoami').set('Authorization', `Bearer ${token}`).expect(200);
      expect(res.body).toEqual({ subject: 'dev-staff', roles: ['staff'] });
    });

    it('is reachable through the Ingress at every public path it serves', async () => {
      const docs = await app.http().get('/api/docs/openapi.json').expect(200);
      const routed = ingressPrefixes(service);
      // /api/admin (dead letters) is for operators, reached with kubectl port-forward, not the Ingress;
      // /api/whoami answers alike in every service, and the Ingress sends it to one of them.
      const unrouted = Object.keys(docs.body.paths).filter(
        (path) =>
          !path.startsWith('/api/admin/') &&
          path !== '/api/whoami' &&
          !routed.some((prefix) => path === prefix || path.startsWith(`${prefix}/`)),
      );
      expect(unrouted).toEqual([]);
    });

    it('documents every schema, parameter and answer exactly enough for a generated client', () => {
      expect(findVagueSchemas(app.openApi)).toEqual([]);
    });

    it('checks each answer against the document, so that a document that disagrees with the service fails a test', async () => {
      const token = await app.token({ role: 'staff' });
      const answer = await app.http().get('/api/whoami').set('Authorization', `Bearer ${token}`).expect(200);
      // The same answer against a copy of the document that no longer lists `roles`, and one without the 200.
      const withoutRoles = structuredClone(app.openApi) as { components: { schemas: Record<string, { properties: Record<string, unknown> }> } };
      delete withoutRoles.components.schemas.PrincipalDto.properties.roles;
      expect(() => new OpenApiResponseValidator(withoutRoles).check('get', '/api/whoami', answer)).toThrow(/roles/);
      const without200 = structuredClone(app.openApi) as { paths: Record<string, { get: { responses: Record<string, unknown> } }> };
      delete without200.paths['/api/whoami'].get.responses['200'];
      expect(() => new OpenApiResponseValidator(without200).check('get', '/api/whoami', answer)).toThrow(/a status the OpenAPI document does not list/);
    });

    it('serves the OpenAPI document and API types that are checked in (run `npm run api:generate` if not)', async () => {
      const root = path.resolve(__dirname, '../../..');
      const files = openApiPaths(service);
      const checkedIn = (file: string) => readFileSync(path.join(root, file), 'utf8');
      // A plain comparison first: jest's diff of two 100 kB texts would bury the one line that says what to do.
      if (renderOpenApiDocument(app.openApi) !== checkedIn(files.document)) {
        throw new Error(`${files.document} is not what the ${service} service serves: run \`npm run api:generate\` and commit the result`);
      }
      if ((await renderApiTypes(app.openApi, service)) !== checkedIn(files.types)) {
        throw new Error(`${files.types} is not generated from the ${service} service's document: run \`npm run api:generate\` and commit the result`);
      }
    });

    it('serves its OpenAPI document and Prometheus metrics', async () => {
      const docs = await app.http().get('/api/docs/openapi.json').expect(200);
      expect(docs.body.info.title).toBe(`Globac ${service} service`);
      const metrics = await app.http().get('/metrics').expect(200);
      expect(metrics.text).toMatch(/^# HELP /m);
      expect(metrics.text).toContain('http_server_request_duration_seconds');
    });
  });
}

interface IngressPath {
  path: string;
  backend: { service: { name: string } };
}

/** The path prefixes k8s/base/ingress.yaml sends to a service. */
function ingressPrefixes(service: string): string[] {
  const file = path.resolve(__dirname, '../../../k8s/base/ingress.yaml');
  const ingress = parse(readFileSync(file, 'utf8')) as { spec: { rules: { http: { paths: IngressPath[] } }[] } };
  return ingress.spec.rules.flatMap((rule) => rule.http.paths).filter((p) => p.backend.service.name === service).map((p) => p.path);
}
