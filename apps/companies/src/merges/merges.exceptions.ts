import { ValidationFailedException } from '@globac/http';

/** A company cannot be merged into itself. */
export class MergeIntoItselfException extends ValidationFailedException {
  constructor() {
    super([{ field: 'duplicateId', rule: 'anotherCompany', message: 'must be another company than the one it is merged into' }]);
  }
}
