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
    'company follows the surviving one from now on; a unique-company count must count them once. The producer has ' +
    'moved the merged company\'s contacts, export figures and relationships to the surviving one; for a year both ' +
    'reported export figures for, the surviving company\'s figures stand. Where both had an open relationship with ' +
    'the same partner, the one at the later stage was kept and the other ended (RelationshipStageChanged, cause merge).',
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
