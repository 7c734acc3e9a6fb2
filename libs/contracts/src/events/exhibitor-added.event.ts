import { ArrayMaxSize, IsArray, IsString, IsUUID, Length } from 'class-validator';
import { Description, IsInstant, Nullable } from '../field.decorators';
import { IntegrationEvent } from '../integration-event.decorator';

@IntegrationEvent({
  producer: 'events',
  aggregate: 'trade-fair',
  event: 'exhibitor-added',
  version: 1,
  description: 'A county company exhibits at a trade fair (e.g. Tutto Food) with some of its products.',
})
export class ExhibitorAdded {
  @Description('The exhibitor entry: one company at one trade fair.')
  @IsUUID()
  readonly exhibitorId: string;

  @Description('The trade-fair event.')
  @IsUUID()
  readonly eventId: string;

  @Description('The exhibiting company.')
  @IsUUID()
  readonly companyId: string;

  @Description('The products shown (product names, never people).')
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  readonly products: string[];

  @Description('The stand (hall and number, or a shared county stand); null if not yet known.')
  @Nullable()
  @IsString()
  @Length(1, 100)
  readonly stand: string | null;

  @Description('When the exhibitor was added.')
  @IsInstant()
  readonly addedAt: string;
}
