import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ERROR_SCHEMA, errorVariantSchema, PLATFORM_ERRORS, type PlatformError, tagDescriptions } from './openapi-errors';

/**
 * OpenAPI 3.1: nullable is JSON Schema's `type: ['string', 'null']` (and `anyOf [$ref, {type: null}]` for a
 * nullable object), which strict validators (ajv's 2020-12 dialect) and openapi-typescript read alike.
 * @nestjs/swagger writes `nullable: true` and converts it for 3.1 documents.
 */
export const OPENAPI_VERSION = '3.1.0';

/** Where `npm start` serves each service on a developer machine (the `servers` of its document). */
const DEV_PORTS: Record<string, number> = { companies: 3001, events: 3002, trips: 3003, reporting: 3004 };

type Json = Record<string, unknown>;
type Operation = { parameters?: Json[]; requestBody?: unknown; responses: Record<string, Json>; tags?: string[] };

/** The headers of the answers that ask a client to come back later (rate-limit.ts, connection-pool.ts). */
const RETRY_HEADERS: Record<string, Record<string, Json>> = {
  '429': {
    'Retry-After': { description: 'Seconds until this client may send requests again', schema: { type: 'integer', minimum: 0 } },
    RateLimit: {
      description:
        'What is left of this client\'s window and the seconds until the next one (IETF RateLimit field, e.g. `"default";r=0;t=42`); sent on every answer of a limited route',
      schema: { type: 'string' },
    },
    'RateLimit-Policy': {
      description: 'The quota: requests per window and the window in seconds (e.g. `"default";q=600;w=60`)',
      schema: { type: 'string' },
    },
  },
  '503': { 'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer', minimum: 0 } } },
};
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'];

function operationsOf(document: OpenAPIObject): { path: string; method: string; operation: Operation }[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item as Json)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]) => ({ path, method, operation: operation as Operation })),
  );
}

/** The platform's own error answers that an operation can give, from what it takes as input. */
function platformErrorsOf(operation: Operation): PlatformError[] {
  const hasBody = operation.requestBody !== undefined;
  const hasInput = hasBody || (operation.parameters ?? []).length > 0;
  return PLATFORM_ERRORS.filter((e) => e.when === 'always' || (e.when === 'input' && hasInput) || (e.when === 'body' && hasBody));
}

function refName(schema: unknown): string | undefined {
  const ref = (schema as { $ref?: unknown } | undefined)?.$ref;
  return typeof ref === 'string' ? ref.replace('#/components/schemas/', '') : undefined;
}

/**
 * Every error answer gets a body: the variants that `@ApiErrorResponse` declared (inline, marked with
 * `x-globac-error`) are moved to named component schemas, and the platform's own answers (400
 * VALIDATION_FAILED, 401, 403, 413, 415, 429, 500, 503) are added where the operation can give them.
 */
function describeErrors(document: OpenAPIObject) {
  const schemas = (document.components!.schemas ??= {}) as Record<string, unknown>;
  schemas.Error = ERROR_SCHEMA;
  const define = (name: string, schema: Json) => {
    const existing = schemas[name];
    if (existing && JSON.stringify(existing) !== JSON.stringify(schema)) {
      throw new Error(`Two different error schemas are named ${name}: give the error codes distinct names`);
    }
    schemas[name] = schema;
    return { $ref: `#/components/schemas/${name}` };
  };
  for (const { operation } of operationsOf(document)) {
    const responses = operation.responses;
    const byStatus = new Map<string, { refs: Json[]; descriptions: string[] }>();
    for (const [status, response] of Object.entries(responses)) {
      if (Number(status) < 400) continue;
      const schema = (response.content as Record<string, { schema?: Json }> | undefined)?.['application/json']?.schema;
      const variants = ((schema?.oneOf as Json[] | undefined) ?? (schema ? [schema] : [])).map((variant) => {
        const name = variant['x-globac-error'];
        if (typeof name !== 'string') return variant;
        const { 'x-globac-error': _marker, ...rest } = variant;
        return define(name, rest);
      });
      byStatus.set(status, { refs: variants, descriptions: [String(response.description ?? '')] });
    }
    for (const error of platformErrorsOf(operation)) {
      const status = String(error.status);
      const entry = byStatus.get(status) ?? { refs: [], descriptions: [] };
      const ref = define(error.schemaName, errorVariantSchema(error.status, error.code, error.details));
      if (!entry.refs.some((r) => refName(r) === refName(ref))) {
        entry.refs.push(ref);
        entry.descriptions.push(error.description);
      }
      byStatus.set(status, entry);
    }
    for (const [status, { refs, descriptions }] of byStatus) {
      // An error declared without a body (a plain @ApiConflictResponse) still has the common shape.
      const schema = refs.length === 0 ? { $ref: '#/components/schemas/Error' } : refs.length === 1 ? refs[0] : { oneOf: refs };
      responses[status] = { description: descriptions.filter(Boolean).join('; '), content: { 'application/json': { schema } } };
      if (RETRY_HEADERS[status]) responses[status].headers = RETRY_HEADERS[status];
    }
    operation.responses = Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));
  }
}

const REASONS: Record<string, string> = { '200': 'OK', '201': 'Created', '202': 'Accepted', '204': 'No content' };

/** A success answer declared without words gets its reason phrase, so that no response reads as empty. */
function describeSuccesses(document: OpenAPIObject) {
  for (const { operation } of operationsOf(document)) {
    for (const [status, response] of Object.entries(operation.responses)) {
      // An answer without content and without words is Nest's stand-in for an undeclared one: left as it is, to be refused by the tests.
      if (!response.description && response.content && REASONS[status]) response.description = REASONS[status];
    }
  }
}

/**
 * Makes the schemas say what the services do, in JSON Schema 2020-12 terms. Request and response bodies
 * are exact: the services refuse unknown request fields, and answer with the fields their document
 * lists and no others, so every object schema with properties is closed (`additionalProperties: false`).
 */
function tightenSchemas(node: unknown) {
  if (Array.isArray(node)) return node.forEach(tightenSchemas);
  if (!node || typeof node !== 'object') return;
  const schema = node as Json;
  // allOf members are parts of one object: closing one would refuse the properties of the others.
  for (const [key, value] of Object.entries(schema)) if (!['example', 'examples', 'default', 'allOf'].includes(key)) tightenSchemas(value);
  // @nestjs/swagger types exclusiveMinimum/Maximum as OpenAPI 3.0 booleans; 3.1 (JSON Schema) wants the bound itself.
  for (const [flag, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
    if (schema[flag] === true && typeof schema[bound] === 'number') {
      schema[flag] = schema[bound];
      delete schema[bound];
    } else if (schema[flag] === false) delete schema[flag];
  }
  const type = schema.type;
  const isObject = type === 'object' || (Array.isArray(type) && type.includes('object'));
  // A class without one @ApiProperty has `properties: {}`: closing it would say "accepts nothing"; the tests call it vague instead.
  const documented = Object.keys((schema.properties ?? {}) as Json).length > 0;
  if (isObject && documented && schema.additionalProperties === undefined) schema.additionalProperties = false;
}

/** Tags of platform libs that cannot use `@ApiTag` (auth is below http). */
const PLATFORM_TAGS: Record<string, string> = { auth: 'Who the caller is, as the bearer token says' };

/** Declares every tag the operations use, with the description its controller gave (`@ApiTag`). */
function declareTags(document: OpenAPIObject) {
  const used = new Set(operationsOf(document).flatMap(({ operation }) => operation.tags ?? []));
  const descriptions = tagDescriptions();
  document.tags = [...used].sort().map((name) => ({ name, description: descriptions.get(name) ?? PLATFORM_TAGS[name] ?? name }));
}

/** The service's OpenAPI document, generated from its controllers and DTOs, exact enough for generated clients. */
export function buildOpenApiDocument(app: INestApplication, service: string, version: string): OpenAPIObject {
  const port = DEV_PORTS[service];
  const builder = new DocumentBuilder()
    .setOpenAPIVersion(OPENAPI_VERSION)
    .setTitle(`Globac ${service} service`)
    .setDescription(
      `HTTP API of the ${service} service. Every operation needs a bearer token (see the README: \`npm run token\`). ` +
        'Errors share one shape, `{ statusCode, error, message, details? }`, with a stable `error` code per case; ' +
        'collections are `{ items, total, page, pageSize }`; ids are UUIDs; `null` is a value (cleared), a missing ' +
        'field in a change means "keep". See docs/api.md.',
    )
    .setVersion(version)
    .addBearerAuth();
  builder.addServer('/', 'The same origin as the web app: the Ingress routes /api/... to each service');
  if (port) builder.addServer(`http://127.0.0.1:${port}`, '`npm start` on a developer machine');
  const document = SwaggerModule.createDocument(app, builder.build(), {
    operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}`,
  });
  describeErrors(document);
  describeSuccesses(document);
  tightenSchemas(document.components?.schemas);
  declareTags(document);
  return document;
}

/** Serves the OpenAPI document generated from the controllers and DTOs: UI at /api/docs, JSON at /api/docs/openapi.json. */
export function setupOpenApi(app: INestApplication, service: string, version: string) {
  const document = buildOpenApiDocument(app, service, version);
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/docs/openapi.json',
    yamlDocumentUrl: 'api/docs/openapi.yaml',
    swaggerOptions: { persistAuthorization: true },
  });
  return document;
}
