import { ValidationFailedException } from './app.exception';
import { Param, ParseUUIDPipe } from '@nestjs/common';

/**
 * A path parameter that must be a UUID: a malformed one is a 400 naming the parameter, before any
 * query (Postgres would refuse it with an error that is not the caller's to read).
 */
export const UuidParam = (name: string) =>
  Param(
    name,
    new ParseUUIDPipe({
      version: 'all',
      exceptionFactory: () => new ValidationFailedException([{ field: name, rule: 'isUuid', message: 'must be a UUID' }]),
    }),
  );
