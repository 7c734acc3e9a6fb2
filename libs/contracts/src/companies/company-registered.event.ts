import { IsIn, IsInt, IsOptional, IsString, IsUrl, IsUUID, Length, Max, Min } from 'class-validator';
import { Description, IsInstant, IsOrgNumber, IsSniCode, Nullable, OptionalNullable } from '../field.decorators';
import { IntegrationEvent } from '../integration-event.decorator';
import { MUNICIPALITIES, type Municipality, SIZE_CLASSES, type SizeClass } from '../reference-data';

@IntegrationEvent({
  producer: 'companies',
  aggregate: 'company',
  event: 'registered',
  version: 1,
  description:
    'A company joined the programme. Consumers keep their own copy of what they need (events and trips for sign-ups, ' +
    'reporting for indicators by municipality, size and industry).',
})
export class CompanyRegistered {
  @Description('The company\'s id in the companies service.')
  @IsUUID()
  readonly companyId: string;

  @Description(
    'Swedish organisation number NNNNNN-NNNN of a legal entity. Null for a sole trader, whose number is the owner\'s ' +
      'personal identity number (personal data, never sent in events).',
  )
  @Nullable()
  @IsOrgNumber()
  readonly orgNumber: string | null;

  @Description('The registered company name.')
  @IsString()
  @Length(1, 200)
  readonly name: string;

  @Description('Municipality of the company\'s seat in Västerbotten; null for a company outside the county.')
  @Nullable()
  @IsIn(MUNICIPALITIES)
  readonly municipality: Municipality | null;

  @Description('The Swedish county (län) of the company\'s seat: Västerbotten, or the county of a company outside it.')
  @IsOptional()
  @IsString()
  @Length(1, 60)
  readonly county?: string;

  @Description('EU SME size class: micro < 10 employees, small < 50, medium < 250, large; null while the headcount is unknown.')
  @Nullable()
  @IsIn(SIZE_CLASSES)
  readonly sizeClass: SizeClass | null;

  @Description('Number of employees, when known (null when not).')
  @OptionalNullable()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  readonly employees?: number | null;

  @Description('Main industry as an SNI 2007 code, e.g. 10.711; null when not given.')
  @Nullable()
  @IsSniCode()
  readonly sniCode: string | null;

  @Description('The company\'s website, when known.')
  @OptionalNullable()
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] })
  readonly website?: string | null;

  @Description('When the company was registered in the programme (and from when its municipality is counted).')
  @IsInstant()
  readonly registeredAt: string;

  @Description('The company record\'s revision after this change (1 here); later CompanyUpdated events count up from it.')
  @IsInt()
  @Min(1)
  readonly revision: number;
}
