import type { BusinessRule } from '../business-rule';
import type { ProgrammeEvent } from '../programme-events/programme-event.entity';
import { NotATradeFairException } from './exhibitors.exception';

/** Only a trade fair has exhibitors. */
export class ExhibitorsExhibitOnlyAtTradeFairs implements BusinessRule {
  constructor(private readonly event: Pick<ProgrammeEvent, 'id' | 'kind'>) {}
  isBroken() {
    return this.event.kind !== 'trade-fair';
  }
  error() {
    return new NotATradeFairException(this.event.id, this.event.kind);
  }
}
