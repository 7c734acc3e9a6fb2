import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

const ERROR_SCHEMA = {
  type: 'object',
  required: ['statusCode', 'error', 'message'],
  properties: {
    statusCode: { type: 'integer', example: 400 },
    error: { type: 'string', description: 'Stable machine-readable code', example: 'VALIDATION_FAILED' },
    message: { type: 'string', example: 'orgNumber: the check digit is wrong' },
    details: {
      description: 'For VALIDATION_FAILED, one entry per field problem; otherwise what helps to act on the error',
      oneOf: [
        {
          type: 'array',
          items: {
            type: 'object',
            properties: { field: { type: 'string' }, message: { type: 'string' }, rule: { type: 'string' } },
          },
        },
        { type: 'object' },
      ],
    },
  },
};

const ERROR_RESPONSES: Record<string, string> = {
  '400': 'The request is not valid (VALIDATION_FAILED lists each field)',
  '401': 'No valid bearer token',
  '403': 'The token lacks the role, or is a company token for another company',
  '429': 'Too many requests from this client; retry after the Retry-After header',
  '500': 'An unexpected error (never caused by bad input)',
};

/** What the platform answers for a body it cannot take, before the operation sees it. */
const BODY_ERROR_RESPONSES: Record<string, string> = {
  '413': 'The body is larger than 1 MiB',
  '415': 'The body is not application/json',
};

/** Adds the common error responses to every operation that does not describe them itself. */
function describeErrors(document: OpenAPIObject): OpenAPIObject {
  document.components ??= {};
  document.components.schemas ??= {};
  document.components.schemas.Error = ERROR_SCHEMA;
  const ref = { $ref: '#/components/schemas/Error' };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const operation of Object.values(item)) {
      if (!operation || typeof operation !== 'object' || !('responses' in operation)) continue;
      const responses = operation.responses as Record<string, unknown>;
      const codes = {
        ...ERROR_RESPONSES,
        ...(path.includes('{') ? { '404': 'No such resource' } : {}),
        ...('requestBody' in operation && operation.requestBody ? BODY_ERROR_RESPONSES : {}),
      };
      for (const [code, description] of Object.entries(codes)) {
        responses[code] ??= { description, content: { 'application/json': { schema: ref } } };
      }
    }
  }
  return document;
}

/** Serves the OpenAPI document generated from the controllers and DTOs: UI at /api/docs, JSON at /api/docs/openapi.json. */
export function setupOpenApi(app: INestApplication, service: string, version: string) {
  const config = new DocumentBuilder()
    .setTitle(`Globac ${service} service`)
    .setDescription(
      `HTTP API of the ${service} service. Every operation needs a bearer token (see the README: \`npm run token\`). ` +
        'Errors share one shape: `{ statusCode, error, message, details? }`; collections are `{ items, total, page, pageSize }`.',
    )
    .setVersion(version)
    .addBearerAuth()
    .build();
  const document = describeErrors(SwaggerModule.createDocument(app, config));
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/docs/openapi.json',
    yamlDocumentUrl: 'api/docs/openapi.yaml',
    swaggerOptions: { persistAuthorization: true },
  });
  return document;
}
