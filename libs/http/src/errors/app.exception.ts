import { HttpException, HttpStatus } from '@nestjs/common';

/** One problem with one field of a request, as listed in `details` of a 400 answer. */
export interface FieldProblem {
  /** Dotted path of the field, e.g. `location.country`. */
  field: string;
  /** Why it was refused, in words a person can act on. */
  message: string;
  /** The rule that failed, e.g. `isOrgNumber`. */
  rule?: string;
}

/** The body of every error answer, in every service. */
export interface ErrorBody {
  statusCode: number;
  /** A stable, machine-readable code, e.g. `VALIDATION_FAILED`, `COMPANY_NOT_FOUND`. */
  error: string;
  message: string;
  details?: unknown;
}

/**
 * Base of the services' typed exceptions: a status, a stable code and a message, and optional details
 * (e.g. the id of the existing record on a conflict). The exception filter turns it into an ErrorBody.
 */
export class AppException extends HttpException {
  constructor(status: HttpStatus, readonly code: string, message: string, readonly details?: unknown) {
    super({ statusCode: status, error: code, message, ...(details === undefined ? {} : { details }) }, status);
  }
}

export class ValidationFailedException extends AppException {
  constructor(problems: FieldProblem[], message = summarize(problems)) {
    super(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', message, problems);
  }
}

export class NotFoundAppException extends AppException {
  constructor(what: string, id: string, code = `${what.toUpperCase().replace(/[^A-Z]+/g, '_')}_NOT_FOUND`) {
    super(HttpStatus.NOT_FOUND, code, `No ${what} with id ${id}`, { id });
  }
}

function summarize(problems: FieldProblem[]): string {
  const first = problems[0];
  if (!first) return 'The request is not valid';
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  return `${first.field}: ${first.message}${more}`;
}
