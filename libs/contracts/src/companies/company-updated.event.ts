import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Min, ValidateNested } from 'class-validator';
import { Description, IsInstant, IsOrgNumber, IsSniCode } from '../field.decorators';
import { IntegrationEvent } from '../integration-event.decorator';
import { MUNICIPALITIES, type Municipality, SIZE_CLASSES, type SizeClass } from '../reference-data';

/** The fields of a company that changed; a field that is absent did not change. */
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

  @Description('New municipality (a move). Reports count the company in the municipality valid at the reported date.')
  @IsOptional()
  @IsIn(MUNICIPALITIES)
  readonly municipality?: Municipality;

  @Description('New EU SME size class.')
  @IsOptional()
  @IsIn(SIZE_CLASSES)
  readonly sizeClass?: SizeClass;

  @Description('New main industry, SNI 2007.')
  @IsOptional()
  @IsSniCode()
  readonly sniCode?: string;
}

@IntegrationEvent({
  producer: 'companies',
  aggregate: 'company',
  event: 'updated',
  version: 1,
  description:
    'Facts about a company changed. Carries only the changed fields and when the change takes effect; a consumer ' +
    'that keeps the latest values applies an event only if its revision is higher than the one it holds.',
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
