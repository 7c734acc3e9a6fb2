import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiParam, ApiProperty, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';

type Json = Record<string, unknown>;

/** One error answer an operation can give: its status, its stable code, when, and what `details` holds. */
export interface ApiErrorOptions {
  status: number;
  /** The stable `error` code, e.g. `DUPLICATE_ORG_NUMBER`. */
  code: string;
  /** When the operation answers with it, in words a client developer can act on. */
  description: string;
  /** The `details` object: a class with `@ApiProperty` fields (becomes a named schema), or a schema. */
  details?: Type<unknown> | Json;
}

/** `DUPLICATE_ORG_NUMBER` → `DuplicateOrgNumberError`, the name of its schema in the document. */
export function errorSchemaName(code: string): string {
  const name = code
    .toLowerCase()
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
  return name.endsWith('Error') ? name : `${name}Error`;
}

/** The common shape of every error answer: what a client can rely on for any status and code. */
export const ERROR_SCHEMA: Json = {
  type: 'object',
  description: 'The body of every error answer, in every service',
  required: ['statusCode', 'error', 'message'],
  additionalProperties: false,
  properties: {
    statusCode: { type: 'integer', description: 'The HTTP status again', example: 409 },
    error: {
      type: 'string',
      pattern: '^[A-Z][A-Z0-9_]*$',
      description: 'Stable machine-readable code: branch on this, not on the message',
      example: 'DUPLICATE_ORG_NUMBER',
    },
    message: { type: 'string', description: 'What went wrong, for a person; may change between versions', example: 'A company with organisation number 556036-0793 is already registered' },
    details: { description: 'What helps to act on the error; its shape is fixed per code (see each code\'s schema)' },
  },
};

/** The schema of one error answer: the common shape (`Error`) with its status and code fixed and its details typed. */
export function errorVariantSchema(status: number, code: string, details?: Json, description?: string): Json {
  return {
    ...(description ? { description } : {}),
    allOf: [
      { $ref: '#/components/schemas/Error' },
      {
        type: 'object',
        required: ['statusCode', 'error', ...(details ? ['details'] : [])],
        properties: {
          statusCode: { type: 'integer', const: status },
          error: { type: 'string', const: code },
          ...(details ? { details } : {}),
        },
      },
    ],
  };
}

const FIELD_PROBLEMS: Json = {
  type: 'array',
  description: 'One entry per field problem',
  items: {
    type: 'object',
    required: ['field', 'message'],
    additionalProperties: false,
    properties: {
      field: { type: 'string', description: 'Dotted path of the field, e.g. `location.country`', example: 'orgNumber' },
      message: { type: 'string', description: 'Why it was refused', example: 'must be a valid Swedish organisation number' },
      rule: { type: 'string', description: 'The rule that failed', example: 'isOrgNumber' },
    },
  },
};

/** An error answer that the platform, not the operation, gives (validation, auth, limits). */
export interface PlatformError {
  status: number;
  code: string;
  schemaName: string;
  description: string;
  /** always; when the operation takes parameters or a body (input); when it takes a body. */
  when: 'always' | 'input' | 'body';
  details?: Json;
}

const platformError = (status: number, code: string, when: PlatformError['when'], description: string, details?: Json): PlatformError => ({
  status,
  code,
  schemaName: errorSchemaName(code),
  description,
  when,
  details,
});

/** What every service answers on its own, added to each operation that can get it. */
export const PLATFORM_ERRORS: PlatformError[] = [
  // Every operation: a query parameter it does not take is refused too (protection/query-allow-list.ts).
  platformError(400, 'VALIDATION_FAILED', 'always', 'VALIDATION_FAILED: a parameter or field is not valid, or a query parameter the operation does not take; details lists each problem', FIELD_PROBLEMS),
  // A malformed path id is a VALIDATION_FAILED naming the parameter (UuidParam), like a bad field.
  platformError(400, 'BAD_REQUEST', 'body', 'BAD_REQUEST: the body is not JSON, or is nested too deep'),
  platformError(401, 'UNAUTHORIZED', 'always', 'UNAUTHORIZED: no bearer token, or one that is not valid'),
  platformError(403, 'FORBIDDEN', 'always', 'FORBIDDEN: the token lacks the role, or is a company token for another company'),
  platformError(413, 'PAYLOAD_TOO_LARGE', 'body', 'PAYLOAD_TOO_LARGE: the body is over 1 MiB'),
  platformError(415, 'UNSUPPORTED_MEDIA_TYPE', 'body', 'UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json'),
  platformError(429, 'TOO_MANY_REQUESTS', 'always', 'TOO_MANY_REQUESTS: too many requests from this client; retry after the Retry-After header'),
  platformError(500, 'INTERNAL_ERROR', 'always', 'INTERNAL_ERROR: an unexpected error (never caused by bad input)'),
  platformError(503, 'SERVICE_UNAVAILABLE', 'always', 'SERVICE_UNAVAILABLE: the service is too busy to answer now (no database connection came free in time); retry after the Retry-After header'),
];

const API_ERRORS = 'globac:api-errors';

/**
 * Declares error answers of an operation with their typed bodies, e.g.
 * `@ApiErrorResponse({ status: 409, code: 'DUPLICATE_ORG_NUMBER', description: '…', details: ExistingIdDetails })`.
 * Several codes on one status become a `oneOf` of named schemas (`DuplicateOrgNumberError`, …); the
 * platform's own answers (400 VALIDATION_FAILED, 401, 403, 413, 415, 429, 500, 503) are added by the document
 * builder, so declare only what the operation itself decides.
 */
export function ApiErrorResponse(...errors: ApiErrorOptions[]): MethodDecorator {
  const models = errors.map((e) => e.details).filter((d): d is Type<unknown> => typeof d === 'function');
  return (target, key, descriptor) => {
    const method = descriptor.value as object;
    const all: ApiErrorOptions[] = [...(Reflect.getMetadata(API_ERRORS, method) ?? []), ...errors];
    Reflect.defineMetadata(API_ERRORS, all, method);
    const decorators = models.length ? [ApiExtraModels(...models)] : [];
    for (const status of new Set(errors.map((e) => e.status))) {
      const variants = all
        .filter((e) => e.status === status)
        .map((e) => ({
          'x-globac-error': errorSchemaName(e.code),
          ...errorVariantSchema(e.status, e.code, detailsSchema(e.details)),
        }));
      const description = errors.filter((e) => e.status === status).map((e) => `${e.code}: ${e.description}`).join('; ');
      decorators.push(ApiResponse({ status, description, schema: { oneOf: variants as never[] } }));
    }
    applyDecorators(...decorators)(target, key, descriptor);
  };
}

function detailsSchema(details: ApiErrorOptions['details']): Json | undefined {
  if (details === undefined) return undefined;
  return typeof details === 'function' ? { $ref: getSchemaPath(details) } : details;
}

const TAGS = new Map<string, string>();

/** `@ApiTags(name)` with the description the document declares for the tag. */
export function ApiTag(name: string, description: string): ClassDecorator {
  TAGS.set(name, description);
  return ApiTags(name);
}

/** Descriptions given with `@ApiTag`, by tag name. */
export function tagDescriptions(): ReadonlyMap<string, string> {
  return TAGS;
}

/** Documents a path parameter as a UUID (applied by `UuidParam`, or on a method for `@Param()` objects). */
export function documentUuidParam(target: object, key: string | symbol, name: string) {
  const descriptor = Object.getOwnPropertyDescriptor(target, key);
  if (descriptor) ApiParam({ name, type: String, format: 'uuid', description: 'A UUID' })(target, key, descriptor);
}

/** `details` of a NOT_FOUND-style answer (`NotFoundAppException`): the id that was not found. */
export class NotFoundDetails {
  @ApiProperty({ type: String, format: 'uuid' })
  id: string;
}

/**
 * Spread into `@ApiProperty` of an enum the service matches in any letter case (it answers with the
 * listed spelling): the document marks it `x-case-insensitive`, which the tests' validator honours and
 * docs/api.md explains to anyone validating requests strictly.
 */
export const CASE_INSENSITIVE = { 'x-case-insensitive': true } as Record<string, unknown>;
