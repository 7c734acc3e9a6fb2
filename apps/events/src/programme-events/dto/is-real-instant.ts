import { isCalendarDate, isInstant } from '@globac/contracts';
import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * An ISO 8601 date-time with a zone whose day exists. The contracts' `isInstant` relies on Date.parse,
 * which rolls 2027-02-30 over to 2 March; a request naming a day that does not exist is a mistake.
 */
export const IsRealInstant = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isInstant',
      validator: {
        validate: (value) => isInstant(value) && isCalendarDate((value as string).slice(0, 10)),
        defaultMessage: () => '$property must be an ISO 8601 date-time with a zone, like 2026-03-01T09:30:00Z',
      },
    },
    options,
  );
