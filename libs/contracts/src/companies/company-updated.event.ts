import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsOptional, IsString, IsUrl, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { Description, IsInstant, IsOrgNumber, IsSniCode, OptionalNullable } from '../field.decorators';
import { IntegrationEvent } from '../integration-event.decorator';
import { MUNICIPALITIES, type Municipality, SIZE_CLASSES, type SizeClass } from '../reference-data';

/** The fields of a company that changed; a field that is absent did not change, and null means it has no value now. */
export class CompanyChanges {
  @Description('New organisation number of a legal entity.')
  @IsOptional()
  @IsOrgNumber()
  readonly orgNumber?: string;

  @Description('New company name.')
  @IsOptional()
  @IsString()
  @Length(1, 200)
  readonly name?: string;

  @Description(
    'New municipality (a move), valid from effectiveFrom; null when the company moved out of Västerbotten (county says where). ' +
      'Reports count the company in the municipality valid at the reported date.',
  )
  @OptionalNullable()
  @IsIn(MUNICIPALITIES)
  readonly municipality?: Municipality | null;

  @Description('New county (län), when the company moved into, out of or outside Västerbotten.')
  @IsOptional()
  @IsString()
  @Length(1, 60)
  readonly county?: string;

  @Description('New EU SME size class; null when the headcount became unknown.')
  @OptionalNullable()
  @IsIn(SIZE_CLASSES)
  readonly sizeClass?: SizeClass | null;

  @Description('New number of employees; null when it became unknown.')
  @OptionalNullable()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  readonly employees?: number | null;

  @Description('New main industry, SNI 2007; null when removed.')
  @OptionalNullable()
  @IsSniCode()
  readonly sniCode?: string | null;

  @Description('New website; null when removed.')
  @OptionalNullable()
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] })
  readonly website?: string | null;
}

@IntegrationEvent({
  producer: 'companies',
  aggregate: 'company',
  event: 'updated',
  version: 1,
  description:
    'Facts about a company changed. Carries only the changed fields and when the change takes effect; a consumer ' +
    'that keeps the latest values applies an event only if its revision is higher than the one it holds. ' +
    'Free-text fields that may name people (the description) never travel.',
})
export class CompanyUpdated {
  @Description('The company that changed.')
  @IsUUID()
  readonly companyId: string;

  @Description('The changed fields only.')
  @IsDefined()
  @ValidateNested()
  @Type(() => CompanyChanges)
  readonly changes: CompanyChanges;

  @Description('When the change takes effect (may be before the event, e.g. a move registered late).')
  @IsInstant()
  readonly effectiveFrom: string;

  @Description('The company record\'s revision after this change: increases by one per change of the company.')
  @IsInt()
  @Min(2)
  readonly revision: number;
}
