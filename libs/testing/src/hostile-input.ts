import { randomUUID } from 'node:crypto';
import { DEV_TOKEN_AUDIENCE, DEV_TOKEN_ISSUER } from '@globac/auth';
import type { ServiceConfig } from '@globac/config';
import { BODY_LIMIT, MAX_JSON_DEPTH } from '@globac/http';
import type { DynamicModule } from '@nestjs/common';
import { SignJWT } from 'jose';
import { createSecretKey } from 'node:crypto';
import type { Response } from 'supertest';
import { startTestService, type TestService } from './test-service';

/** What a service's seed made: data of one company (A) that another company's token must never see. */
export interface CompanyData {
  /** Company A's id. */
  companyId: string;
  /** A text stored in company A's data (e.g. in its name): no answer to company B may contain it. */
  marker: string;
  /**
   * Path and query parameters that name company A's data, by name (`companyId`), or for a path
   * parameter by the segment before it and its name (`contacts.id` for /contacts/{id}).
   */
  params: Record<string, string>;
  /** Real ids that are not company A's own (an event it registered for), to reach its data in paths. */
  shared?: Record<string, string>;
}

export interface HostileInputOptions<C extends ServiceConfig> {
  service: string;
  configClass: new () => C;
  createModule: (config: C) => DynamicModule;
  /** Creates data of one company as staff; without it, the cross-company probes use made-up ids. */
  seedCompanyData?: (app: TestService<C>, staffToken: string) => Promise<CompanyData>;
}

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  minimum?: number;
  minItems?: number;
  minLength?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  nullable?: boolean;
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  parameters: Parameter[];
  body?: Schema;
  responses: Set<string>;
  isPublic: boolean;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> }; responses?: Record<string, unknown>; security?: unknown[] }>>;
  components?: { schemas?: Record<string, Schema> };
  security?: unknown[];
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const SQL = "x'); DROP TABLE companies; -- ' OR '1'='1";
const SCRIPT = '<script>alert(document.cookie)</script><img src=x onerror=alert(1)>';

/** The operations of an OpenAPI document, with their parameters and JSON body schema. */
export function listOperations(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      operations.push({
        method,
        path,
        parameters: op.parameters ?? [],
        body: op.requestBody?.content?.['application/json']?.schema,
        responses: new Set(Object.keys(op.responses ?? {})),
        // An operation is open when it or the document declares no bearer requirement.
        isPublic: (op.security ?? document.security ?? []).length === 0,
      });
    }
  }
  return operations;
}

interface SampleOptions {
  /** Fills every free-text string (and, unless `examples`, every string with an example too). */
  text: string;
  /** Take a property's documented example where it has one: a body the service is likely to accept. */
  examples?: boolean;
  /** Values by property or parameter name (company A's ids). */
  known?: Record<string, string>;
}

/** A value of a schema, as a client would send it. */
export function sampleOf(schema: Schema | undefined, document: OpenApiDocument, options: SampleOptions, name = '', depth = 0): unknown {
  if (!schema || depth > 8) return undefined;
  const next = (child: Schema | undefined, childName = name) => sampleOf(child, document, options, childName, depth + 1);
  if (schema.$ref) return next(document.components?.schemas?.[schema.$ref.split('/').pop()!]);
  const variants = schema.allOf ?? schema.oneOf ?? schema.anyOf;
  if (variants) {
    const parts = variants.map((v) => next(v));
    return parts.every((p) => p && typeof p === 'object' && !Array.isArray(p)) ? Object.assign({}, ...parts) : parts[0];
  }
  if (options.known?.[name] !== undefined) return options.known[name];
  if (options.examples && schema.example !== undefined) return schema.example;
  if (schema.enum?.length) return schema.enum[0];
  switch (schema.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(schema.properties ?? {})) out[key] = next(child, key);
      return out;
    }
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => next(schema.items));
    case 'integer':
    case 'number':
      return schema.example ?? schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'string':
      switch (schema.format) {
        case 'uuid':
          return randomUUID();
        case 'date':
          return '2027-03-15';
        case 'date-time':
          return '2027-03-15T09:00:00.000Z';
        case 'email':
          return 'someone@example.org';
        case 'uri':
          return 'https://example.org/';
        default:
          return options.text;
      }
    default:
      return schema.example ?? options.text;
  }
}

/** The paths to every string in a value. */
function stringPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringPaths(v, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...path, k]));
  return [];
}

/** A copy of `value` with the string at `path` replaced by `text`. */
function withText(value: unknown, path: (string | number)[], text: string): unknown {
  if (path.length === 0) return text;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[path[0]] = withText(copy[path[0]], path.slice(1), text);
  return copy;
}

/**
 * The known value of a path parameter: by `<segment>.<name>` (the static segment before it, so that
 * `{id}` in /contacts/{id} and in /companies/{id} can differ), else by its name alone.
 */
function knownParam(path: string, offset: number, name: string, known: Record<string, string>): string | undefined {
  const segment = path.slice(0, offset).split('/').filter(Boolean).pop();
  return known[`${segment}.${name}`] ?? known[name];
}

/** Fills a path template's parameters: known ids, else a made-up UUID. */
function fillPath(op: Operation, known: Record<string, string>, override?: string): string {
  return op.path.replace(/\{([^}]+)\}/g, (_, name: string, offset: number) => encodeURIComponent(override ?? knownParam(op.path, offset, name, known) ?? randomUUID()));
}

function queryOf(op: Operation, document: OpenApiDocument, text: string, known: Record<string, string>): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  for (const p of op.parameters.filter((p) => p.in === 'query')) query[p.name] = sampleOf(p.schema, document, { text, known }, p.name);
  return query;
}

/** Tokens a client without the right to call must not get past the guard with. */
async function badTokens(secret: string): Promise<Record<string, string | undefined>> {
  const key = createSecretKey(Buffer.from(secret, 'utf8'));
  const claims = { roles: ['admin'] };
  const sign = (build: (jwt: SignJWT) => SignJWT, withKey = key) =>
    build(new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('intruder').setIssuedAt()).sign(withKey);
  const unsigned = (payload: object) =>
    `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.`;
  const now = Math.floor(Date.now() / 1000);
  return {
    'no token': undefined,
    'not a JWT': 'not.a.jwt',
    'an expired token': await sign((j) => j.setIssuer(DEV_TOKEN_ISSUER).setAudience(DEV_TOKEN_AUDIENCE).setExpirationTime(now - 60)),
    'a token with alg none': unsigned({ ...claims, sub: 'intruder', iss: DEV_TOKEN_ISSUER, aud: DEV_TOKEN_AUDIENCE, iat: now, exp: now + 3600 }),
    'a token for another audience': await sign((j) => j.setIssuer(DEV_TOKEN_ISSUER).setAudience('another-api').setExpirationTime(now + 3600)),
    'a token of another issuer': await sign((j) => j.setIssuer('https://elsewhere.example').setAudience(DEV_TOKEN_AUDIENCE).setExpirationTime(now + 3600)),
    'a token signed with another key': await sign(
      (j) => j.setIssuer(DEV_TOKEN_ISSUER).setAudience(DEV_TOKEN_AUDIENCE).setExpirationTime(now + 3600),
      createSecretKey(Buffer.from('an-attacker-chosen-key-of-32-characters-or-more', 'utf8')),
    ),
  };
}

/**
 * Probes every route in a service's own OpenAPI document with hostile input, so that routes added
 * later are covered without touching the suite: no token and bad tokens (expired, `alg: none`,
 * another audience or issuer, another key), a company token for another company's data, bodies over
 * the size limit and nested too deep, wrong content types, SQL and script text in every string field
 * and query parameter, a malformed value of each path parameter in turn (a 400 VALIDATION_FAILED
 * naming it) and unknown query parameters. Every answer must be a status the
 * operation documents, in the common error shape when it is an error, never a 5xx, and never carry
 * another company's data. Each probe is one request per operation (no combinations), and all
 * problems are collected and shown at once.
 */
export function describeHostileInput<C extends ServiceConfig>(options: HostileInputOptions<C>) {
  describe(`${options.service}: hostile input on every route of its OpenAPI document`, () => {
    let app: TestService<C>;
    let document: OpenApiDocument;
    let operations: Operation[];
    let admin: string;
    let otherCompany: string;
    let seeded: CompanyData;

    beforeAll(async () => {
      app = await startTestService({ service: options.service, configClass: options.configClass, createModule: options.createModule });
      document = (await app.http().get('/api/docs/openapi.json').expect(200)).body as OpenApiDocument;
      operations = listOperations(document).filter((op) => !op.isPublic);
      admin = await app.token({ role: 'admin', subject: 'hostile-admin' });
      const staff = await app.token({ role: 'staff', subject: 'hostile-staff' });
      seeded = (await options.seedCompanyData?.(app, staff)) ?? { companyId: randomUUID(), marker: `no-such-marker-${randomUUID()}`, params: {} };
      otherCompany = await app.token({ role: 'company', companyId: randomUUID(), subject: 'company-b-user' });
    });
    afterAll(() => app?.close());

    /** Sends one request; answers the response. */
    function send(op: Operation, init: { token?: string; path?: string; query?: object; body?: unknown; contentType?: string }) {
      let req = app.http()[op.method](init.path ?? fillPath(op, {}));
      if (init.token) req = req.set('Authorization', `Bearer ${init.token}`);
      if (init.query) req = req.query(init.query);
      if (init.body !== undefined) {
        req = req.set('Content-Type', init.contentType ?? 'application/json');
        req = req.send(typeof init.body === 'string' ? init.body : (init.body as object));
      }
      return req;
    }

    /** What is wrong with an answer, if anything. */
    function problemsOf(op: Operation, probe: string, res: Response, expected?: number[]): string[] {
      const where = `${op.method.toUpperCase()} ${op.path} (${probe}): ${res.status}`;
      const found: string[] = [];
      if (res.status >= 500) found.push(`${where} is a server error: ${res.text.slice(0, 200)}`);
      else if (expected && !expected.includes(res.status)) found.push(`${where}, expected ${expected.join(' or ')}: ${res.text.slice(0, 200)}`);
      if (!op.responses.has(String(res.status)) && !op.responses.has('default')) found.push(`${where} is not a documented answer`);
      if (res.status >= 400) {
        const body = res.body as Record<string, unknown>;
        const shaped = body && body.statusCode === res.status && typeof body.error === 'string' && /^[A-Z][A-Z0-9_]*$/.test(body.error) && typeof body.message === 'string';
        if (!shaped) found.push(`${where} is not in the common error shape: ${res.text.slice(0, 200)}`);
      }
      if (res.text.includes(seeded.marker)) found.push(`${where} shows another company's data`);
      return found;
    }

    it('finds the routes to probe in the OpenAPI document', () => {
      expect(operations.length).toBeGreaterThan(0);
    });

    it("never shows a company's data to another company's token, nor lets it act on that data", async () => {
      const problems: string[] = [];
      for (const op of operations) {
        const known = { ...seeded.shared, ...seeded.params };
        const res = await send(op, {
          token: otherCompany,
          path: fillPath(op, known),
          query: queryOf(op, document, 'text', known),
          body: op.body ? sampleOf(op.body, document, { text: 'text', examples: true, known }) : undefined,
        });
        problems.push(...problemsOf(op, "company B's token", res));
        const namesCompanyA = [...op.path.matchAll(/\{([^}]+)\}/g)].some((m) => knownParam(op.path, m.index, m[1], seeded.params) !== undefined);
        if (namesCompanyA && res.status < 300) problems.push(`${op.method.toUpperCase()} ${op.path}: company B's token was answered ${res.status} on company A's data`);
      }
      expect(problems).toEqual([]);
    });

    it('refuses every protected route with 401 without a valid token', async () => {
      const tokens = await badTokens(app.config.AUTH_DEV_SECRET);
      const problems: string[] = [];
      for (const op of operations) {
        for (const [probe, token] of Object.entries(tokens)) {
          problems.push(...problemsOf(op, probe, await send(op, { token, body: op.body ? {} : undefined }), [401]));
        }
      }
      expect(problems).toEqual([]);
    });

    it('refuses bodies over the size limit (413), nested too deep (400) and of other content types (415)', async () => {
      const problems: string[] = [];
      const oversize = JSON.stringify({ padding: 'x'.repeat(BODY_LIMIT) });
      const deep = `${'{"a":'.repeat(MAX_JSON_DEPTH * 4)}1${'}'.repeat(MAX_JSON_DEPTH * 4)}`;
      for (const op of operations.filter((o) => o.body)) {
        const sample = JSON.stringify(sampleOf(op.body, document, { text: 'text', examples: true }));
        problems.push(...problemsOf(op, 'a body over the size limit', await send(op, { token: admin, body: oversize }), [413]));
        problems.push(...problemsOf(op, 'a body nested too deep', await send(op, { token: admin, body: deep }), [400]));
        for (const contentType of ['text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
          problems.push(...problemsOf(op, `a body of ${contentType}`, await send(op, { token: admin, body: sample, contentType }), [415]));
        }
        problems.push(...problemsOf(op, 'malformed JSON', await send(op, { token: admin, body: sample.slice(0, -1) }), [400]));
      }
      expect(problems).toEqual([]);
    });

    it('takes SQL and script text in every string field and query parameter as text', async () => {
      const problems: string[] = [];
      const check = (op: Operation, probe: string, text: string, res: Response) => {
        problems.push(...problemsOf(op, probe, res));
        // Text that comes back comes back as JSON data, never as a page a browser would run.
        if (res.text.includes(text) && !/^application\/json/.test(String(res.headers['content-type']))) {
          problems.push(`${op.method.toUpperCase()} ${op.path}: echoed ${probe} as ${res.headers['content-type']}`);
        }
      };
      for (const op of operations) {
        // Everything at once: every string field and query parameter.
        for (const [probe, text] of [
          ['SQL text everywhere', SQL],
          ['script text everywhere', SCRIPT],
        ]) {
          const body = op.body ? sampleOf(op.body, document, { text }) : undefined;
          check(op, probe, text, await send(op, { token: admin, query: queryOf(op, document, text, {}), body }));
        }
        // Then one field at a time in an otherwise valid body (the documented examples), so the text
        // reaches the database rather than stopping at the first refused field; SQL and script alternate.
        if (op.body) {
          const valid = sampleOf(op.body, document, { text: 'text', examples: true });
          for (const [i, path] of stringPaths(valid).entries()) {
            const [probe, text] = i % 2 ? ['script text', SCRIPT] : ['SQL text', SQL];
            check(op, `${probe} in ${path.join('.')}`, text, await send(op, { token: admin, body: withText(valid, path, text) }));
          }
        }
      }
      // The SQL did not run: the service still reads its tables.
      await app.http().get('/health/ready').expect(200);
      expect(problems).toEqual([]);
    });

    it('refuses a malformed value of every path parameter with 400 VALIDATION_FAILED naming it, and unknown query parameters with 400', async () => {
      const problems: string[] = [];
      for (const op of operations) {
        // One parameter at a time, the others well-formed, so that the answer has to name this one.
        for (const [, name] of op.path.matchAll(/\{([^}]+)\}/g)) {
          const pathWith = (value: string) => op.path.replace(/\{([^}]+)\}/g, (_, other: string) => encodeURIComponent(other === name ? value : randomUUID()));
          for (const id of ["1' OR '1'='1", '../../etc/passwd', '%00', 'x'.repeat(300), 'not-a-uuid']) {
            const probe = `the ${name} ${JSON.stringify(id.slice(0, 20))}`;
            const body = op.body ? sampleOf(op.body, document, { text: 'text', examples: true }) : undefined;
            const res = await send(op, { token: admin, path: pathWith(id), body });
            problems.push(...problemsOf(op, probe, res, [400]));
            const details = (res.body as { details?: { field?: unknown }[] }).details;
            if (res.status === 400 && (res.body.error !== 'VALIDATION_FAILED' || !details?.some((d) => d.field === name))) {
              problems.push(`${op.method.toUpperCase()} ${op.path} (${probe}): not a VALIDATION_FAILED naming ${name}: ${res.text.slice(0, 200)}`);
            }
          }
        }
        if (op.method === 'get') {
          const query = { ...queryOf(op, document, 'text', {}), unexpectedParameter: '1', 'filter[$where]': 'sleep(1000)' };
          problems.push(...problemsOf(op, 'unknown query parameters', await send(op, { token: admin, query }), [400]));
        }
      }
      expect(problems).toEqual([]);
    });
  });
}
