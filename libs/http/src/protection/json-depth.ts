import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** Deeper than any DTO of ours nests (three levels today), far below what would exhaust the stack. */
export const MAX_JSON_DEPTH = 32;

/** A body of more than `max` nested objects and arrays: answered 400 in the common error shape. */
export class JsonTooDeepError extends Error {
  readonly statusCode = 400;
  readonly code = 'JSON_TOO_DEEP';

  constructor(max: number) {
    super(`The JSON body nests objects and arrays more than ${max} levels deep`);
  }
}

/**
 * Whether a JSON text nests objects and arrays more than `max` deep, read from the bytes before they
 * are parsed (brackets inside strings do not count). One pass, no allocation: cheaper than walking the
 * parsed value, and malformed text is left to the parser to refuse.
 */
export function jsonNestsDeeperThan(body: Uint8Array, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (inString) {
      if (c === 0x5c) i++; // backslash: the next byte is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/**
 * JSON bodies are refused with 400 when nested deeper than MAX_JSON_DEPTH: class-transformer and
 * class-validator walk a body recursively, and a body nested 5,000 levels (30 kB, well inside the size
 * limit) exhausted the stack there and answered 500. Otherwise Fastify's own parser, with the same
 * prototype-poisoning protection as Nest's default.
 */
export function registerJsonBodyParser(app: NestFastifyApplication, bodyLimit: number) {
  const parse = app.getHttpAdapter().getInstance().getDefaultJsonParser('error', 'error');
  app.useBodyParser('application/json', { bodyLimit }, (request, body, done) => {
    if (jsonNestsDeeperThan(body, MAX_JSON_DEPTH)) return done(new JsonTooDeepError(MAX_JSON_DEPTH), undefined);
    parse(request as never, body as never, done);
  });
}
