import http from 'node:http';
import { signDevToken } from '@globac/auth';
import { BODY_LIMIT, MAX_JSON_DEPTH, MAX_PATH_PARAM_LENGTH } from '../src';
import { startSampleApp } from './sample.module';

const COMPANY_A = '3f1c8d2e-5b7a-4c9e-8f10-2a3b4c5d6e7f';
const COMPANY_B = '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d';

describe('HTTP platform: validation, errors, paging, roles, operability', () => {
  let service: Awaited<ReturnType<typeof startSampleApp>>;
  let staff: string;

  beforeAll(async () => {
    service = await startSampleApp({ RATE_LIMIT_MAX: '1000' });
    staff = await service.token({ role: 'staff' });
  });
  afterAll(() => service?.stop());

  const post = (body: unknown, token = staff) =>
    service.http().post('/api/things').set('Authorization', `Bearer ${token}`).send(body as object);

  describe('validation', () => {
    it('accepts a valid body', async () => {
      const res = await post({ name: 'cheese', count: 3, place: { city: 'Milano', country: 'IT' } }).expect(201);
      expect(res.body).toMatchObject({ name: 'cheese', count: 3 });
    });

    it('refuses unknown fields with 400 naming the field', async () => {
      const res = await post({ name: 'cheese', count: 3, colour: 'yellow' }).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'VALIDATION_FAILED' });
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'colour', rule: 'whitelistValidation' })]);
    });

    it('refuses wrong types, listing every problem, nested ones by their path', async () => {
      const res = await post({ name: 5, count: 'three', place: { city: 'Milano', country: 'ITA' } }).expect(400);
      const fields = res.body.details.map((d: { field: string }) => d.field);
      expect(fields).toEqual(expect.arrayContaining(['name', 'count', 'place.country']));
      expect(res.body.message).toMatch(/^name: /);
    });

    it('refuses a NUL character anywhere in the input with 400 naming the field (Postgres cannot store it)', async () => {
      const res = await post({ name: 'ok', count: 1, place: { city: 'Mil\u0000ano', country: 'IT' } }).expect(400);
      expect(res.body).toMatchObject({ error: 'VALIDATION_FAILED', details: [{ field: 'place.city', rule: 'noNulCharacter' }] });
    });

    it('answers malformed JSON with 400 in the common shape', async () => {
      const res = await service
        .http()
        .post('/api/things')
        .set('Authorization', `Bearer ${staff}`)
        .set('Content-Type', 'application/json')
        .send('{"name": ')
        .expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'BAD_REQUEST', message: expect.any(String) });
    });

    it('refuses JSON nested deeper than the platform allows with 400, not 500 (the validator would recurse until the stack ran out)', async () => {
      const deep = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
      for (const field of ['place', 'colour']) {
        const res = await service
          .http()
          .post('/api/things')
          .set('Authorization', `Bearer ${staff}`)
          .set('Content-Type', 'application/json')
          .send(`{"name":"x","count":1,"${field}":${deep(5000)}}`)
          .expect(400);
        expect(res.body).toMatchObject({ statusCode: 400, error: 'BAD_REQUEST', message: expect.stringMatching(/levels deep/) });
      }
      // Just inside the limit the body reaches validation, which names the unknown field.
      const inside = await post(JSON.parse(`{"name":"x","count":1,"colour":${deep(MAX_JSON_DEPTH - 1)}}`)).expect(400);
      expect(inside.body.error).toBe('VALIDATION_FAILED');
    });

    it.each(['text/plain', 'application/x-www-form-urlencoded'])('refuses a %s body with 415: the APIs take JSON only', async (type) => {
      const res = await service.http().post('/api/things').set('Authorization', `Bearer ${staff}`).set('Content-Type', type).send('name=x&count=1').expect(415);
      expect(res.body).toMatchObject({ statusCode: 415, error: 'UNSUPPORTED_MEDIA_TYPE' });
    });

    it('answers a path parameter longer than the router takes with 400 VALIDATION_FAILED in the common shape', async () => {
      const res = await service.http().get(`/api/things/companies/${'x'.repeat(MAX_PATH_PARAM_LENGTH + 1)}`).set('Authorization', `Bearer ${staff}`).expect(400);
      expect(res.body).toEqual({
        statusCode: 400,
        error: 'VALIDATION_FAILED',
        message: `path: has a parameter longer than ${MAX_PATH_PARAM_LENGTH} characters`,
        details: [{ field: 'path', rule: 'maxLength', message: `has a parameter longer than ${MAX_PATH_PARAM_LENGTH} characters` }],
      });
    });

    it('refuses a body over the size limit with 413 in the common shape', async () => {
      const res = await post({ name: 'x'.repeat(BODY_LIMIT), count: 1 }).expect(413);
      expect(res.body).toMatchObject({ statusCode: 413, error: 'PAYLOAD_TOO_LARGE' });
    });

    it('refuses query parameters on a route that takes none with 400 naming them (they were ignored)', async () => {
      for (const url of ['/api/things/companies/3f1c8d2e-5b7a-4c9e-8f10-2a3b4c5d6e7f?companyId=x', '/api/whoami?debug=1&as=admin']) {
        const res = await service.http().get(url).set('Authorization', `Bearer ${staff}`).expect(400);
        expect(res.body).toMatchObject({ statusCode: 400, error: 'VALIDATION_FAILED', details: expect.arrayContaining([expect.objectContaining({ rule: 'whitelistValidation' })]) });
      }
      await service.http().get('/api/whoami').set('Authorization', `Bearer ${staff}`).expect(200);
      await service.http().get('/health/live?probe=1').expect(200);
    });

    it('refuses a malformed id in a path with 400 VALIDATION_FAILED naming the parameter, not 500', async () => {
      // Also one longer than Fastify's router takes by default (100 characters), and one that is not valid percent-encoding.
      for (const id of ['not-a-uuid', 'x'.repeat(300), '3f1c8d2e-5b7a-4c9e-8f10-2a3b4c5d6e7', '%00']) {
        const res = await service.http().get(`/api/things/companies/${encodeURIComponent(id)}`).set('Authorization', `Bearer ${staff}`).expect(400);
        expect(res.body).toEqual({
          statusCode: 400,
          error: 'VALIDATION_FAILED',
          message: 'companyId: must be a UUID',
          details: [{ field: 'companyId', rule: 'isUuid', message: 'must be a UUID' }],
        });
      }
      const badEncoding = await service.http().get('/api/things/companies/%E0%A4%A').set('Authorization', `Bearer ${staff}`).expect(400);
      expect(badEncoding.body).toMatchObject({ statusCode: 400, error: 'VALIDATION_FAILED', details: [{ field: 'path', rule: 'isUrlEncoded' }] });
    });
  });

  describe('paging', () => {
    const list = (query: string) => service.http().get(`/api/things${query}`).set('Authorization', `Bearer ${staff}`);

    it('answers { items, total, page, pageSize } with defaults', async () => {
      const res = await list('').expect(200);
      expect(res.body).toMatchObject({ total: 45, page: 1, pageSize: 20 });
      expect(res.body.items).toHaveLength(20);
    });

    it('pages and keeps filters', async () => {
      const res = await list('?page=3&pageSize=20&order=desc').expect(200);
      expect(res.body.items.map((i: { n: number }) => i.n)).toEqual([5, 4, 3, 2, 1]);
    });

    it.each(['?pageSize=101', '?pageSize=0', '?page=0', '?page=abc', '?page=1e20', '?page=1000001', '?order=sideways', '?unknown=1'])(
      'refuses %s with 400',
      async (query) => {
        const res = await list(query).expect(400);
        expect(res.body.error).toBe('VALIDATION_FAILED');
      },
    );
  });

  describe('access control', () => {
    it('answers 403 for a role the route does not admit', async () => {
      const company = await service.token({ role: 'company', companyId: COMPANY_A });
      const res = await post({ name: 'x', count: 1 }, company).expect(403);
      expect(res.body).toMatchObject({ statusCode: 403, error: 'FORBIDDEN' });
    });

    it('lets a company user act for its own company only', async () => {
      const company = await service.token({ role: 'company', companyId: COMPANY_A });
      const get = (id: string) => service.http().get(`/api/things/companies/${id}`).set('Authorization', `Bearer ${company}`);
      await get(COMPANY_A).expect(200, { companyId: COMPANY_A });
      const res = await get(COMPANY_B).expect(403);
      expect(res.body.error).toBe('FORBIDDEN');
    });

    it('admits admin everywhere', async () => {
      const admin = await service.token({ role: 'admin' });
      await post({ name: 'x', count: 1 }, admin).expect(201);
    });

    it('answers 401 for a token signed with another key, and for an expired one', async () => {
      const forged = await signDevToken({ role: 'staff' }, 'another-key-that-is-at-least-32-characters');
      const expired = await signDevToken({ role: 'staff', expiresIn: '-1m' }, service.config.AUTH_DEV_SECRET);
      for (const token of [forged, expired, 'not.a.jwt']) {
        const res = await service.http().get('/api/things').set('Authorization', `Bearer ${token}`).expect(401);
        expect(res.body.error).toBe('UNAUTHORIZED');
      }
    });
  });

  describe('errors and operability', () => {
    it('answers 404 in the common shape for an unknown route', async () => {
      const res = await service.http().get('/api/nowhere').set('Authorization', `Bearer ${staff}`).expect(404);
      expect(res.body).toMatchObject({ statusCode: 404, error: 'NOT_FOUND' });
    });

    it('hides the details of a bug behind a 500 in the common shape', async () => {
      const res = await service.http().get('/api/things/boom').set('Authorization', `Bearer ${staff}`).expect(500);
      expect(res.body).toEqual({ statusCode: 500, error: 'INTERNAL_ERROR', message: 'An unexpected error occurred' });
    });

    it('keeps a caller-given request id and makes one otherwise', async () => {
      const given = await service.http().get('/health/live').set('X-Request-Id', 'frontend-42').expect(200);
      expect(given.headers['x-request-id']).toBe('frontend-42');
      const made = await service.http().get('/health/live').expect(200);
      expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('sets the security headers of a JSON API on answers, and a page policy on the docs UI', async () => {
      const api = await service.http().get('/api/things').set('Authorization', `Bearer ${staff}`).expect(200);
      expect(api.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
        'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
        'strict-transport-security': 'max-age=31536000; includeSubDomains',
      });
      // Replaced by the policy's frame-ancestors, and of no use on data read by scripts (security-headers.ts).
      expect(api.headers['x-frame-options']).toBeUndefined();
      expect(api.headers['referrer-policy']).toBeUndefined();
      const docs = await service.http().get('/api/docs').expect(200);
      expect(docs.headers['content-security-policy']).toContain("script-src 'self'");
    });

    it('exposes Prometheus metrics with the HTTP latency histogram by route template', async () => {
      await service.http().get('/api/things/companies/not-a-uuid').set('Authorization', `Bearer ${staff}`);
      const res = await service.http().get('/metrics').expect(200);
      expect(res.headers['content-type']).toContain('text/plain');
      expect(res.text).toContain('http_server_request_duration_seconds_bucket');
      expect(res.text).toContain('route="/api/things/companies/:companyId"');
      // One series per method, route template and status: the refused id counted under 400.
      expect(res.text).toMatch(
        /^http_server_request_duration_seconds_count\{method="GET",route="\/api\/things\/companies\/:companyId",status_code="400"\} [1-9]\d*$/m,
      );
    });

    it('serves an OpenAPI 3.1 document describing bearer auth and the error shape, with a typed body per error code', async () => {
      const res = await service.http().get('/api/docs/openapi.json').expect(200);
      expect(res.body.openapi).toBe('3.1.0');
      expect(res.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
      expect(res.body.components.schemas.Error.required).toEqual(['statusCode', 'error', 'message']);
      const responses = res.body.paths['/api/things'].post.responses;
      expect(responses['401'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/UnauthorizedError' });
      expect(res.body.components.schemas.UnauthorizedError.allOf[0]).toEqual({ $ref: '#/components/schemas/Error' });
      // A body can be malformed JSON, fail validation, be too large or of another media type.
      expect(Object.keys(responses)).toEqual(expect.arrayContaining(['400', '413', '415']));
      expect(responses['400'].content['application/json'].schema.oneOf).toEqual([
        { $ref: '#/components/schemas/ValidationFailedError' },
        { $ref: '#/components/schemas/BadRequestError' },
      ]);
      const ui = await service.http().get('/api/docs').expect(200);
      expect(ui.text).toContain('swagger-ui');
    });
  });
});

describe('HTTP platform: rate limits', () => {
  let service: Awaited<ReturnType<typeof startSampleApp>>;
  beforeAll(async () => {
    service = await startSampleApp({ RATE_LIMIT_MAX: '3' });
  });
  afterAll(() => service?.stop());

  const get = (token: string) => service.http().get('/api/things').set('Authorization', `Bearer ${token}`);

  it('limits each verified client separately and answers 429 in the common shape', async () => {
    const alice = await service.token({ role: 'staff', subject: 'alice' });
    const bob = await service.token({ role: 'staff', subject: 'bob' });
    // The first request of a token not verified before counts against the address (one each here).
    await get(alice).expect(200);
    await get(bob).expect(200);
    const remaining = [];
    for (let i = 0; i < 3; i++) remaining.push((await get(alice).expect(200)).headers.ratelimit);
    // The IETF RateLimit field: what is left of the window, and seconds until it starts again.
    expect(remaining.map((field) => /^"default";r=(\d+);t=\d+$/.exec(field)?.[1])).toEqual(['2', '1', '0']);
    const limited = await get(alice).expect(429);
    expect(limited.body).toMatchObject({ statusCode: 429, error: 'TOO_MANY_REQUESTS' });
    expect(limited.headers['retry-after']).toMatch(/^\d+$/);
    expect(limited.headers.ratelimit).toMatch(/^"default";r=0;t=\d+$/);
    expect(limited.headers['ratelimit-policy']).toMatch(/^"default";q=3;w=\d+$/);
    for (let i = 0; i < 3; i++) await get(bob).expect(200);
    // Operational routes are never limited: probes must keep working under load.
    for (let i = 0; i < 5; i++) await service.http().get('/health/live').expect(200);
  });
});

describe('HTTP platform: one kept-alive connection, several tokens', () => {
  let service: Awaited<ReturnType<typeof startSampleApp>>;
  beforeAll(async () => {
    service = await startSampleApp({ RATE_LIMIT_MAX: '1000' });
  });
  afterAll(() => service?.stop());

  // The service remembers a connection's last verified header (create-service-app.ts): a proxy's
  // pooled connection carries many users' requests, each of which must be judged by its own token.
  it('judges every request by its own token, on one connection', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const url = new URL('/api/things/companies/' + COMPANY_A, await service.url());
    const sockets = new Set<unknown>();
    const get = (token: string) =>
      new Promise<number>((resolve, reject) => {
        const req = http.get(url, { agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
          sockets.add(res.socket);
          res.resume().on('end', () => resolve(res.statusCode!));
        });
        req.on('error', reject);
      });
    const ownA = await service.token({ role: 'company', companyId: COMPANY_A });
    const ownB = await service.token({ role: 'company', companyId: COMPANY_B });
    const forged = await signDevToken({ role: 'company', companyId: COMPANY_A }, 'a-key-the-service-does-not-know-at-all');
    try {
      const answers = [];
      for (const token of [ownA, ownA, ownB, ownB, ownA, forged, ownA, forged, ownB]) answers.push(await get(token));
      expect(answers).toEqual([200, 200, 403, 403, 200, 401, 200, 401, 403]);
      expect(sockets.size).toBe(1);
    } finally {
      agent.destroy();
    }
  });
});

describe('HTTP platform: rate limits cannot be dodged', () => {
  const FORGED_KEY = 'a-key-the-service-does-not-know-at-all';
  let service: Awaited<ReturnType<typeof startSampleApp>>;
  beforeEach(async () => {
    service = await startSampleApp({ RATE_LIMIT_MAX: '20' });
  });
  afterEach(() => service?.stop());

  async function statuses(tokens: string[], headers: (i: number) => Record<string, string> = () => ({})) {
    const counts: Record<number, number> = {};
    for (const [i, token] of tokens.entries()) {
      const res = await service.http().get('/api/things').set({ Authorization: `Bearer ${token}`, ...headers(i) });
      counts[res.status] = (counts[res.status] ?? 0) + 1;
    }
    return counts;
  }

  it('counts forged tokens that each name another subject against the address', async () => {
    const forged = await Promise.all(
      Array.from({ length: 200 }, (_, i) => signDevToken({ role: 'staff', subject: `forged-${i}` }, FORGED_KEY)),
    );
    expect(await statuses(forged)).toEqual({ 401: 20, 429: 180 });
  });

  it('does not let a client choose its address in X-Forwarded-For when no proxy is trusted', async () => {
    const forged = await Promise.all(
      Array.from({ length: 60 }, (_, i) => signDevToken({ role: 'staff', subject: `forged-${i}` }, FORGED_KEY)),
    );
    const counts = await statuses(forged, (i) => ({ 'X-Forwarded-For': `10.0.${i >> 8}.${i & 255}` }));
    expect(counts).toEqual({ 401: 20, 429: 40 });
  });

  it('behind one trusted proxy, takes the address that proxy appended, not the ones the client wrote', async () => {
    await service.stop();
    service = await startSampleApp({ RATE_LIMIT_MAX: '20', TRUST_PROXY_HOPS: '1' });
    const forged = await signDevToken({ role: 'staff', subject: 'forged' }, FORGED_KEY);
    const tokens = Array.from({ length: 30 }, () => forged);
    expect(await statuses(tokens, (i) => ({ 'X-Forwarded-For': `10.1.0.${i}, 192.0.2.7` }))).toEqual({ 401: 20, 429: 10 });
    // Another client behind the same proxy has its own window.
    expect(await statuses([forged], () => ({ 'X-Forwarded-For': '192.0.2.8' }))).toEqual({ 401: 1 });
  });

  it('counts valid tokens rotated for one subject as that one subject', async () => {
    // Distinct tokens of one user (as a client refreshing its token would send): each new token's first
    // request counts against the address, every later one against the subject, whose limit holds.
    const rotated = await Promise.all(
      Array.from({ length: 10 }, (_, i) => service.token({ role: 'staff', subject: 'carol', expiresIn: `${60 + i}m` })),
    );
    const counts = await statuses([...rotated, ...rotated, ...rotated, ...rotated]);
    // 10 first requests on the address, then 30 on the subject, of which 20 are admitted.
    expect(counts).toEqual({ 200: 30, 429: 10 });
  });
});
