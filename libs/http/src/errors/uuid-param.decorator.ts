import { ValidationFailedException } from './app.exception';
import { Param, ParseUUIDPipe } from '@nestjs/common';
import { documentUuidParam } from '../bootstrap/openapi-errors';

/**
 * A path parameter that must be a UUID: a malformed one is a 400 naming the parameter, before any
 * query (Postgres would refuse it with an error that is not the caller's to read). The OpenAPI
 * document says `format: uuid` for it.
 */
export const UuidParam =
  (name: string): ParameterDecorator =>
  (target, key, index) => {
    Param(
      name,
      new ParseUUIDPipe({
        version: 'all',
        exceptionFactory: () => new ValidationFailedException([{ field: name, rule: 'isUuid', message: 'must be a UUID' }]),
      }),
    )(target, key, index);
    if (key !== undefined) documentUuidParam(target, key, name);
  };
