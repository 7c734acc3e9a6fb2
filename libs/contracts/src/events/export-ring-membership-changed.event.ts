import { IsIn, IsUUID } from 'class-validator';
import { Description, IsCalendarDate } from '../field.decorators';
import { IntegrationEvent } from '../integration-event.decorator';
import { RING_KINDS, type RingKind } from '../reference-data';

@IntegrationEvent({
  producer: 'events',
  aggregate: 'export-ring',
  event: 'membership-changed',
  version: 1,
  description: 'A company joined or left an export ring or export circle.',
})
export class ExportRingMembershipChanged {
  @Description('The membership: one period of one company in one ring.')
  @IsUUID()
  readonly membershipId: string;

  @Description('The ring or circle.')
  @IsUUID()
  readonly ringId: string;

  @Description('Export ring or export circle.')
  @IsIn(RING_KINDS)
  readonly ringKind: RingKind;

  @Description('The member company.')
  @IsUUID()
  readonly companyId: string;

  @Description('Whether the company joined or left.')
  @IsIn(['joined', 'left'])
  readonly change: 'joined' | 'left';

  @Description('The first day of the membership (joined) or its last day (left).')
  @IsCalendarDate()
  readonly effectiveOn: string;
}
