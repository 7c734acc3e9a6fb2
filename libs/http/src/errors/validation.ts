import { type ArgumentMetadata, Injectable, type PipeTransform, ValidationPipe, type ValidationError } from '@nestjs/common';
import { type FieldProblem, ValidationFailedException } from './app.exception';

/** Flattens class-validator's nested errors into one problem per field and rule. */
export function toFieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      field,
      rule,
      // class-validator prefixes messages with the property name; the field says it already.
      message: message.startsWith(`${error.property} `) ? message.slice(error.property.length + 1) : message,
    }));
    return [...own, ...toFieldProblems(error.children ?? [], field)];
  });
}

const MAX_NUL_DEPTH = 8;

function findNul(value: unknown, path: string, depth: number, found: FieldProblem[]) {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) found.push({ field: path, rule: 'noNulCharacter', message: 'must not contain NUL characters' });
  } else if (value && typeof value === 'object' && depth < MAX_NUL_DEPTH) {
    for (const [key, child] of Object.entries(value)) findNul(child, path ? `${path}.${key}` : key, depth + 1, found);
  }
}

/**
 * The one global pipe of every service, for every body, query and path parameter:
 *
 * - refuses text with a NUL character anywhere (400, naming the field): Postgres cannot store or
 *   compare it, and would answer with an error that became a 500;
 * - then validates against the DTO, rejecting unknown fields and wrong types with 400
 *   VALIDATION_FAILED naming each field.
 *
 * One pipe rather than two, and a plain return where nothing is to be validated (the caller from
 * `@CurrentPrincipal()`, set by the auth guard): Nest awaits every pipe of every parameter, and each
 * promise is paid for again by the request context's async hooks on Node 20 (docs/architecture.md,
 * "The HTTP hot path").
 */
@Injectable()
export class InputPipe implements PipeTransform {
  private readonly validation = new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationFailedException(toFieldProblems(errors)),
  });

  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const found: FieldProblem[] = [];
    findNul(value, metadata.type === 'param' && typeof value === 'string' ? (metadata.data ?? 'param') : '', 0, found);
    if (found.length) throw new ValidationFailedException(found);
    return this.validation.transform(value, metadata);
  }
}
