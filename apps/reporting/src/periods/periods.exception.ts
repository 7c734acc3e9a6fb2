import { NotFoundAppException } from '@globac/http';

export const PERIOD_NOT_FOUND_CODE = 'PERIOD_NOT_FOUND';

export class PeriodNotFoundException extends NotFoundAppException {
  constructor(id: string) {
    super('frozen period', id, PERIOD_NOT_FOUND_CODE);
  }
}
