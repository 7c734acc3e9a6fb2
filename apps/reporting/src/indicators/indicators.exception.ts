import { ValidationFailedException } from '@globac/http';

/** A period must not end before it starts. */
export class PeriodEndsBeforeItStartsException extends ValidationFailedException {
  constructor(from: string, to: string) {
    super([{ field: 'to', rule: 'periodEndsAfterStart', message: `must not be before from (${from} > ${to})` }]);
  }
}
