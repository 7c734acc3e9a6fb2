import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { connectionWaitTimeout } from '@globac/database';
import type { FastifyReply } from 'fastify';
import { type ErrorBody, type FieldProblem, ValidationFailedException } from './app.exception';

const CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE_ENTITY',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

function codeFor(status: number): string {
  return CODES[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST');
}

/**
 * What a 503 tells a client to wait, in seconds (`Retry-After`): a pool that was busy for the whole
 * wait usually frees up within a second or two, and a client that comes back at once adds to the burst.
 */
export const SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS = 2;

/** Maps anything thrown while handling a request to the common error shape. */
export function toErrorBody(exception: unknown): ErrorBody {
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    if (typeof response === 'string') return { statusCode: status, error: codeFor(status), message: response };
    const r = response as Record<string, unknown>;
    // Our own bodies carry an UPPER_SNAKE code; Nest's built-in ones carry a reason phrase instead.
    const error = typeof r.error === 'string' && /^[A-Z][A-Z0-9_]*$/.test(r.error) ? r.error : codeFor(status);
    const message = Array.isArray(r.message) ? r.message.join('; ') : String(r.message ?? exception.message);
    return { statusCode: status, error, message, ...(r.details === undefined ? {} : { details: r.details }) };
  }
  // Errors raised by Fastify itself (malformed JSON, wrong content type, body too large) carry a 4xx status.
  const e = exception as { statusCode?: unknown; message?: unknown; code?: unknown };
  if (typeof e?.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return { statusCode: e.statusCode, error: codeFor(e.statusCode), message: String(e.message ?? 'Bad request') };
  }
  // No database connection came within DATABASE_POOL_ACQUIRE_TIMEOUT_MS: the service is busy (or its
  // database is), not broken, and the same request may well succeed in a moment.
  if (connectionWaitTimeout(exception)) {
    return { statusCode: HttpStatus.SERVICE_UNAVAILABLE, error: 'SERVICE_UNAVAILABLE', message: 'The service is too busy to answer now; try again after the seconds the Retry-After header gives' };
  }
  return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, error: 'INTERNAL_ERROR', message: 'An unexpected error occurred' };
}

/**
 * How long a path parameter Fastify's router passes on (its default is 100): longer than any id, so
 * that a malformed one reaches its pipe and is refused naming the parameter; Node's 16 KiB header
 * limit bounds the request line anyway, and the routes have no regular-expression parameters for
 * the limit to protect.
 */
export const MAX_PATH_PARAM_LENGTH = 8 * 1024;

/**
 * The answer to a path Fastify's router refuses before Nest sees the request (it cannot say which
 * parameter): 400 VALIDATION_FAILED on `path`, as a malformed id elsewhere in the path would be.
 */
export function routerErrorBody(error: { code?: string; message?: string }): ErrorBody {
  const problem: FieldProblem | undefined =
    error.code === 'FST_ERR_BAD_URL'
      ? { field: 'path', rule: 'isUrlEncoded', message: 'is not valid percent-encoded UTF-8' }
      : error.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? { field: 'path', rule: 'maxLength', message: `has a parameter longer than ${MAX_PATH_PARAM_LENGTH} characters` }
        : undefined;
  if (problem) return toErrorBody(new ValidationFailedException([problem]));
  return { statusCode: 400, error: 'BAD_REQUEST', message: String(error.message ?? 'Bad request') };
}

@Catch()
export class ErrorShapeFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost) {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = toErrorBody(exception);
    // Every 503 says when to come back (a busy pool, or NATS away in the dead-letter routes).
    if (body.statusCode === HttpStatus.SERVICE_UNAVAILABLE && !reply.hasHeader('Retry-After')) {
      void reply.header('Retry-After', String(SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS));
    }
    // A busy pool is load, not a bug: a line without a stack (and a metric: db_pool_wait_timeouts_total).
    if (body.error === 'SERVICE_UNAVAILABLE') this.logger.warn(`SERVICE_UNAVAILABLE: ${(exception as Error).message}`);
    else if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception : String(exception));
    void reply.status(body.statusCode).header('Content-Type', 'application/json; charset=utf-8').send(body);
  }
}
