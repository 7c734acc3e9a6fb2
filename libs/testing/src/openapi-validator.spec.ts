import { createServer, type Server } from 'node:http';
import request from 'supertest';
import { OpenApiResponseValidator } from './openapi-validator';
import { checkedAgent } from './test-service';

const THING_ID = '3f1c8d2e-5b7a-4c9e-8f10-2a3b4c5d6e7f';

/** A small document with what the services' documents use: a closed object, a nullable field, a uuid, an error. */
const document = {
  openapi: '3.1.0',
  info: { title: 'things', version: '1' },
  paths: {
    '/api/things/{id}': {
      get: {
        responses: {
          '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
          '404': { description: 'no', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        },
      },
      delete: { responses: { '204': { description: 'gone' } } },
    },
    '/api/things': {
      post: {
        requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/NewThing' } } } },
        responses: { '201': { description: 'made', content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } } },
      },
    },
    '/api/things/special': {
      get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'string', const: 'special' } } } } } },
    },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        required: ['id', 'name', 'note'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', format: 'uuid' },
          name: { type: 'string', example: 'a thing' },
          note: { type: ['string', 'null'] },
        },
      },
      NewThing: {
        type: 'object',
        required: ['name'],
        additionalProperties: false,
        properties: {
          name: { type: 'string' },
          note: { type: ['string', 'null'] },
          town: { type: 'string', enum: ['Umeå', 'Skellefteå'], 'x-case-insensitive': true },
        },
      },
      Error: {
        type: 'object',
        required: ['statusCode', 'error', 'message'],
        additionalProperties: false,
        properties: { statusCode: { type: 'integer' }, error: { type: 'string' }, message: { type: 'string' }, details: {} },
      },
    },
  },
};

const json = (status: number, body: unknown) => ({ status, headers: { 'content-type': 'application/json; charset=utf-8' }, body, text: JSON.stringify(body) });

describe('OpenApiResponseValidator', () => {
  const validator = new OpenApiResponseValidator(document);
  const check = (status: number, body: unknown, path = `/api/things/${THING_ID}`) => () => validator.check('get', path, json(status, body));

  it('accepts answers that fit the document, null where the type allows it', () => {
    expect(check(200, { id: THING_ID, name: 'a', note: null })).not.toThrow();
    expect(check(200, { id: THING_ID, name: 'a', note: 'n' })).not.toThrow();
    expect(check(404, { statusCode: 404, error: 'THING_NOT_FOUND', message: 'no', details: { id: THING_ID } })).not.toThrow();
  });

  it('refuses a property the schema does not list, a missing one, null where not allowed and a malformed uuid', () => {
    expect(check(200, { id: THING_ID, name: 'a', note: null, extra: 1 })).toThrow(/must NOT have additional properties \(extra\)/);
    expect(check(200, { id: THING_ID, name: 'a' })).toThrow(/must have required property 'note'/);
    expect(check(200, { id: THING_ID, name: null, note: null })).toThrow(/\/name must be string/);
    expect(check(200, { id: 'not-a-uuid', name: 'a', note: null })).toThrow(/\/id must match format "uuid"/);
  });

  it('refuses a status the operation does not list, and a body where the document says none', () => {
    expect(check(409, { statusCode: 409, error: 'X', message: 'x' })).toThrow(/409, a status the OpenAPI document does not list .* \(it lists 200, 404\)/);
    expect(() => validator.check('delete', `/api/things/${THING_ID}`, { status: 204, headers: {}, body: {}, text: '' })).not.toThrow();
    expect(() => validator.check('delete', `/api/things/${THING_ID}`, json(204, { a: 1 }))).toThrow(/has none/);
  });

  it('prefers a literal path segment to a parameter, and leaves paths outside /api alone', () => {
    expect(check(200, 'special', '/api/things/special')).not.toThrow();
    expect(() => validator.check('get', '/metrics', { status: 200, headers: { 'content-type': 'text/plain' }, body: {}, text: '# HELP' })).not.toThrow();
  });

  it('refuses an answer under /api to a path the document does not describe, unless it is a 404 in the error shape', () => {
    expect(check(200, {}, '/api/nowhere')).toThrow(/has no such path/);
    expect(check(404, { statusCode: 404, error: 'NOT_FOUND', message: 'no' }, '/api/nowhere')).not.toThrow();
  });

  it('refuses a request body the service accepted but the document does not allow (a strict validator would refuse it)', () => {
    const accepted = (status: number, body: unknown) => () => validator.checkAcceptedRequest('post', '/api/things', status, body);
    expect(accepted(201, { name: 'a', note: null })).not.toThrow();
    expect(accepted(201, { name: 'a', colour: 'red' })).toThrow(/accepted \(201\) with a body the OpenAPI document refuses[\s\S]*colour/);
    expect(accepted(400, { name: 'a', colour: 'red' })).not.toThrow(); // refused by the service: nothing to compare
    // An enum the document marks x-case-insensitive is matched as the service matches it, and only then.
    expect(accepted(201, { name: 'a', town: 'UMEÅ' })).not.toThrow();
    expect(accepted(201, { name: 'a', town: 'Umea' })).toThrow(/town/);
  });

  it('reads only OpenAPI 3.1 documents, whose nullable is JSON Schema', () => {
    expect(() => new OpenApiResponseValidator({ ...document, openapi: '3.0.0' })).toThrow(/3\.1/);
  });
});

describe('checkedAgent', () => {
  let server: Server;
  let answer: unknown;
  beforeAll(async () => {
    server = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(answer));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const agent = () => checkedAgent(request(server), new OpenApiResponseValidator(document));

  it('fails a request whose answer the document does not allow, though the test itself expected nothing more', async () => {
    answer = { id: THING_ID, name: 'a', note: 42 };
    await expect(agent().get(`/api/things/${THING_ID}`).expect(200)).rejects.toThrow(/\/note must be string,null/);
  });

  it('passes one that fits, and reports the test\'s own expectation before the document\'s', async () => {
    answer = { id: THING_ID, name: 'a', note: null };
    const res = await agent().get(`/api/things/${THING_ID}`).expect(200);
    expect(res.body.name).toBe('a');
    answer = { id: 'nope' };
    await expect(agent().get(`/api/things/${THING_ID}`).expect(201)).rejects.toThrow(/expected 201 "Created", got 200 "OK"/);
  });
});

describe('findVagueSchemas', () => {
  it('finds what would make a generated client vague, and nothing in an exact document', async () => {
    const { findVagueSchemas } = await import('./openapi-exactness');
    const exact = structuredClone(document) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    exact.tags = [];
    for (const operation of Object.values(exact.paths).flatMap((item) => Object.values(item as object))) Object.assign(operation, { summary: 's', description: 'd' });
    exact.paths['/api/things/{id}'].get.parameters = [{ name: 'id', in: 'path', schema: { type: 'string', format: 'uuid' } }];
    exact.paths['/api/things/{id}'].delete.parameters = [{ name: 'id', in: 'path', schema: { type: 'string', format: 'uuid' } }];
    exact.paths['/api/things/{id}'].delete.responses['404'] = exact.paths['/api/things/{id}'].get.responses['404'];
    expect(findVagueSchemas(exact)).toEqual([]);

    const vague = structuredClone(exact);
    vague.components.schemas.Thing.properties.note = { type: ['object', 'null'] }; // a nullable field left to reflection
    vague.paths['/api/things/{id}'].get.parameters[0].schema = { type: 'string' };
    vague.paths['/api/things/{id}'].get.responses['409'] = { description: 'conflict' };
    vague.paths['/api/things/special'].get.responses = { '201': { description: '' } };
    expect(findVagueSchemas(vague)).toEqual([
      'components.schemas.Thing.note: an object without properties (a nullable field without its real type, or a DTO without @ApiProperty?)',
      'GET /api/things/{id}: path id id is not documented as format uuid',
      'GET /api/things/{id}: answers 409 without a body schema',
      "GET /api/things/special: declares no answer (201 is Nest's stand-in): add @ApiOkResponse/@ApiCreatedResponse/@ApiNoContentResponse",
    ]);
  });
});
