import { type DynamicModule } from '@nestjs/common';
import type { ServiceConfig } from '@globac/config';
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

    it('serves its OpenAPI document and Prometheus metrics', async () => {
      const docs = await app.http().get('/api/docs/openapi.json').expect(200);
      expect(docs.body.info.title).toBe(`Globac ${service} service`);
      const metrics = await app.http().get('/metrics').expect(200);
      expect(metrics.text).toMatch(/^# HELP /m);
      expect(metrics.text).toContain('http_server_request_duration_seconds');
    });
  });
}
