import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

type Json = Record<string, unknown>;

interface ResponseLike {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  text?: string;
}

interface Route {
  template: string;
  pattern: RegExp;
  params: number;
  operations: Record<string, { responses: Record<string, Json> }>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'];
const DOCUMENT_ID = 'https://globac.invalid/openapi.json';
// Requests are read as the service reads them: an enum marked x-case-insensitive matches in any letter case.
const REQUEST_DOCUMENT_ID = 'https://globac.invalid/openapi-requests.json';

/**
 * Checks HTTP answers against the OpenAPI document of the service that gave them, as a strict
 * client-side validator would: the status must be listed for the operation, and the body must match
 * its schema (JSON Schema 2020-12, as OpenAPI 3.1 says: no property beyond those listed where the
 * schema closes the object, `null` only where the type allows it, formats such as uuid and date-time
 * checked). Answers to paths the document does not describe are left alone, except under /api, where
 * only 404/405 in the error shape are expected.
 */
export class OpenApiResponseValidator {
  private readonly ajv: Ajv2020;
  private readonly routes: Route[];
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(private readonly document: Json) {
    const version = String(document.openapi ?? '');
    if (!version.startsWith('3.1')) throw new Error(`The response validator reads OpenAPI 3.1 documents; this one is ${version || 'not OpenAPI'}`);
    // strict: unknown keywords, missing types for a keyword and required fields that are not properties are errors.
    this.ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true, validateFormats: true });
    addFormats(this.ajv);
    this.ajv.addKeyword({ keyword: 'example' });
    this.ajv.addKeyword({ keyword: 'x-case-insensitive' });
    this.ajv.addKeyword({
      keyword: 'x-enum-any-case',
      type: 'string',
      schemaType: 'array',
      validate: (values: unknown[], data: string) => values.some((v) => typeof v === 'string' && v.toLowerCase() === data.toLowerCase()),
    });
    const components = (document.components as { schemas?: Json } | undefined)?.schemas ?? {};
    this.ajv.addSchema({ $id: DOCUMENT_ID, $defs: rewriteRefs(components, DOCUMENT_ID) });
    this.ajv.addSchema({ $id: REQUEST_DOCUMENT_ID, $defs: rewriteRefs(components, REQUEST_DOCUMENT_ID) });
    const paths = (document.paths ?? {}) as Record<string, Json>;
    this.routes = Object.entries(paths)
      .map(([template, item]) => ({
        template,
        params: (template.match(/\{/g) ?? []).length,
        pattern: new RegExp(`^${template.split(/\{[^}]+\}/).map(escapeRegExp).join('[^/]+')}$`),
        operations: Object.fromEntries(Object.entries(item).filter(([m]) => METHODS.includes(m))) as Route['operations'],
      }))
      // A literal segment wins over a parameter: /api/x/replay before /api/x/{id}.
      .sort((a, b) => a.params - b.params);
  }

  /**
   * A request the service accepted (2xx) must fit the document too: a document stricter than the
   * service makes a strict validator in front of it refuse valid requests.
   */
  checkAcceptedRequest(method: string, url: string, status: number, body: unknown): void {
    if (status < 200 || status >= 300 || body === undefined) return;
    const path = new URL(url, 'http://localhost').pathname;
    const route = this.routes.find((r) => r.pattern.test(path));
    const operation = route?.operations[method.toLowerCase()] as { requestBody?: { content?: Record<string, { schema?: Json }> } } | undefined;
    const schema = operation?.requestBody?.content?.['application/json']?.schema;
    if (!route || !schema) return;
    // An operation that declares no answer (Nest's stand-in, in test fixtures) is not held to its request schema either.
    const answer = (operation as { responses?: Record<string, Json> }).responses?.[String(status)];
    if (answer && answer.description === '' && !answer.content) return;
    const validate = this.compile(schema, REQUEST_DOCUMENT_ID);
    if (validate(body)) return;
    const problems = (validate.errors ?? []).map(describe).join('\n  ');
    throw new Error(
      `${method.toUpperCase()} ${path} was accepted (${status}) with a body the OpenAPI document refuses (${route.template}):\n  ${problems}\nbody: ${JSON.stringify(body).slice(0, 2000)}`,
    );
  }

  /** Throws an error saying what differs from the document; returns quietly when the answer fits it. */
  check(method: string, url: string, res: ResponseLike): void {
    const path = new URL(url, 'http://localhost').pathname;
    const route = this.routes.find((r) => r.pattern.test(path));
    const where = `${method.toUpperCase()} ${path} answered ${res.status}`;
    if (!route) {
      if (!path.startsWith('/api/') || path.startsWith('/api/docs')) return;
      if (res.status !== 404 && res.status !== 405) throw new Error(`${where}, but the OpenAPI document has no such path`);
      return this.checkBody(`${where} (no such path)`, res, { $ref: `${DOCUMENT_ID}#/$defs/Error` });
    }
    const operation = route.operations[method.toLowerCase()];
    if (!operation) {
      if (res.status !== 404 && res.status !== 405) throw new Error(`${where}, but the OpenAPI document has no ${method.toUpperCase()} ${route.template}`);
      return;
    }
    const response = operation.responses[String(res.status)] ?? operation.responses.default;
    if (!response) {
      throw new Error(`${where}, a status the OpenAPI document does not list for ${method.toUpperCase()} ${route.template} (it lists ${Object.keys(operation.responses).join(', ')})`);
    }
    const content = response.content as Record<string, { schema?: Json }> | undefined;
    const contentType = String(res.headers['content-type'] ?? '').split(';')[0].trim();
    if (!content) {
      // Nest's stand-in for a route that declares no answer at all (test fixtures): nothing to hold it to.
      // The platform suite refuses such routes in a service (findVagueSchemas).
      if (response.description === '' && Number(res.status) < 300) return;
      const hasBody = (res.text ?? '').length > 0;
      if (hasBody) throw new Error(`${where} with a ${contentType || 'untyped'} body, but the document says this answer has none`);
      return;
    }
    const media = content[contentType];
    if (!media) throw new Error(`${where} with ${contentType || 'no content type'}, but the document lists ${Object.keys(content).join(', ')}`);
    if (contentType === 'application/json' && media.schema) this.checkBody(`${where} (${route.template})`, res, media.schema);
  }

  private checkBody(where: string, res: ResponseLike, schema: Json) {
    const validate = this.compile(schema);
    if (validate(res.body)) return;
    const problems = (validate.errors ?? []).map(describe).join('\n  ');
    const body = JSON.stringify(res.body);
    throw new Error(`${where}, a body the OpenAPI document does not allow:\n  ${problems}\nbody: ${body.length > 2000 ? `${body.slice(0, 2000)}…` : body}`);
  }

  private compile(schema: Json, documentId = DOCUMENT_ID): ValidateFunction {
    const key = `${documentId} ${JSON.stringify(schema)}`;
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(rewriteRefs(schema, documentId) as Json);
      this.compiled.set(key, validate);
    }
    return validate;
  }
}

function describe(error: ErrorObject): string {
  const at = error.instancePath || '(the body)';
  const extra = error.keyword === 'additionalProperties' ? ` (${String(error.params.additionalProperty)})` : '';
  return `${at} ${error.message}${extra} [schema ${error.schemaPath}]`;
}

/**
 * `#/components/schemas/X` → the validator's own id for X, so that every schema can reach the others;
 * for requests, an enum marked x-case-insensitive becomes a match in any letter case.
 */
function rewriteRefs(node: unknown, documentId: string): unknown {
  if (Array.isArray(node)) return node.map((child) => rewriteRefs(child, documentId));
  if (!node || typeof node !== 'object') return node;
  const anyCase = documentId === REQUEST_DOCUMENT_ID && (node as Json)['x-case-insensitive'] === true && Array.isArray((node as Json).enum);
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => {
      if (key === '$ref' && typeof value === 'string') return [key, value.replace('#/components/schemas/', `${documentId}#/$defs/`)];
      if (key === 'enum' && anyCase) return ['x-enum-any-case', value];
      const literal = ['example', 'examples', 'default', 'const', 'enum'].includes(key);
      return [key, literal ? value : rewriteRefs(value, documentId)];
    }),
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
