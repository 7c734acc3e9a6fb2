import { Param, type PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { documentUuidParam } from '../bootstrap/openapi-errors';
import { ValidationFailedException } from './app.exception';

/**
 * Refuses a path parameter that is not a UUID with 400 VALIDATION_FAILED naming it, as a body field
 * would be refused. Synchronous: nothing to wait for in a regular-expression check.
 */
export class UuidPipe implements PipeTransform<unknown, string> {
  constructor(private readonly name: string) {}

  transform(value: unknown): string {
    if (typeof value === 'string' && isUUID(value, 'all')) return value;
    throw new ValidationFailedException([{ field: this.name, rule: 'isUuid', message: 'must be a UUID' }]);
  }
}

/**
 * A path parameter that must be a UUID: a malformed one is a 400 VALIDATION_FAILED naming the
 * parameter, before any query (Postgres would refuse it with an error that is not the caller's to
 * read). The OpenAPI document says `format: uuid` for it. The one way a route takes an id in its path
 * (lint refuses Nest's ParseUUIDPipe, which answers BAD_REQUEST without naming the parameter); a
 * `@Param()` object names its fields through class-validator the same way.
 */
export const UuidParam =
  (name: string): ParameterDecorator =>
  (target, key, index) => {
    Param(name, new UuidPipe(name))(target, key, index);
    if (key !== undefined) documentUuidParam(target, key, name);
  };
