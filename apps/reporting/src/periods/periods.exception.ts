import { NotFoundAppException } from '@globac/http';

export class PeriodNotFoundException extends NotFoundAppException {
  constructor(id: string) {
    super('frozen period', id, 'PERIOD_NOT_FOUND');
  }
}
