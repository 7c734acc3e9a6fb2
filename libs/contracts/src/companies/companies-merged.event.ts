import { IsUUID } from 'class-validator';
import { Description, IsInstant } from '../field.decorators';
import { IntegrationEvent } from '../integration-event.decorator';

@IntegrationEvent({
  producer: 'companies',
  aggregate: 'company',
  event: 'merged',
  version: 1,
  description:
    'Two company records were the same company (a duplicate or a legal merger). Every copy and count of the merged ' +
    'company follows the surviving one from now on; a unique-company count must count them once.',
})
export class CompaniesMerged {
  @Description('The company that remains.')
  @IsUUID()
  readonly survivingCompanyId: string;

  @Description('The company that no longer exists on its own; its history belongs to the surviving company.')
  @IsUUID()
  readonly mergedCompanyId: string;

  @Description('When the merge was recorded.')
  @IsInstant()
  readonly mergedAt: string;
}
