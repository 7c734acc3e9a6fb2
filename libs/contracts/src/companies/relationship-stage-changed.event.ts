import { IsIn, IsISO31661Alpha2, IsUUID } from 'class-validator';
import { Description, IsCode, IsInstant, Nullable } from '../field.decorators';
import { IntegrationEvent } from '../integration-event.decorator';
import { RELATIONSHIP_CAUSES, RELATIONSHIP_STAGES, type RelationshipCause, type RelationshipStage } from '../reference-data';

@IntegrationEvent({
  producer: 'companies',
  aggregate: 'relationship',
  event: 'stage-changed',
  version: 1,
  description:
    'A business relationship between a county company and a partner abroad moved to another stage ' +
    '(lead → contacted → meeting → negotiation → agreement → long-term, or ended), or was created (fromStage null). ' +
    'An end caused by a merge (cause merge) is not a real end: the same relationship lives on under the surviving company.',
})
export class RelationshipStageChanged {
  @Description('The relationship.')
  @IsUUID()
  readonly relationshipId: string;

  @Description('The county company.')
  @IsUUID()
  readonly companyId: string;

  @Description('The foreign partner (an organisation, never a person).')
  @IsUUID()
  readonly partnerId: string;

  @Description('The partner\'s country, ISO 3166-1 alpha-2.')
  @IsISO31661Alpha2()
  readonly partnerCountry: string;

  @Description('The programme\'s target region the partner is in (e.g. poznan, novara, xian); null if none.')
  @Nullable()
  @IsCode()
  readonly targetRegion: string | null;

  @Description('The stage before; null when the relationship was just created.')
  @Nullable()
  @IsIn(RELATIONSHIP_STAGES)
  readonly fromStage: RelationshipStage | null;

  @Description('The stage now.')
  @IsIn(RELATIONSHIP_STAGES)
  readonly toStage: RelationshipStage;

  @Description('When the relationship reached the new stage.')
  @IsInstant()
  readonly changedAt: string;

  @Description('What moved it: a staff decision, a partner meeting on a trip, a programme event, or a company merge.')
  @IsIn(RELATIONSHIP_CAUSES)
  readonly cause: RelationshipCause;

  @Description(
    'The id of what caused it: the PartnerMeetingHeld meeting id for partner-meeting, the event id for event, the ' +
      'surviving company id for merge; null for manual.',
  )
  @Nullable()
  @IsUUID()
  readonly causeId: string | null;
}
