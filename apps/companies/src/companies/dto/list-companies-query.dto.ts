import { SIZE_CLASSES, type SizeClass } from '@globac/contracts';
import { CASE_INSENSITIVE, PageQueryDto } from '@globac/http';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { canonicalPlaceName, MUNICIPALITY_INPUTS, type MunicipalityInput } from '../../reference-data/municipality.rules';

export const COMPANY_SORTS = ['name', '-name', 'orgNumber', '-orgNumber', 'registeredAt', '-registeredAt'] as const;
export type CompanySort = (typeof COMPANY_SORTS)[number];

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class ListCompaniesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: MUNICIPALITY_INPUTS, description: 'The current municipality, or outside-county; any letter case is accepted', ...CASE_INSENSITIVE })
  @IsOptional()
  @Transform(({ value }) => canonicalPlaceName(value))
  @IsIn(MUNICIPALITY_INPUTS, { message: `must be one of Västerbotten's municipalities or outside-county` })
  municipality?: MunicipalityInput;

  @ApiPropertyOptional({ enum: SIZE_CLASSES, description: 'The EU SME size class' })
  @IsOptional()
  @IsIn(SIZE_CLASSES, { message: `must be one of ${SIZE_CLASSES.join(', ')}` })
  sizeClass?: SizeClass;

  @ApiPropertyOptional({ description: 'SNI 2007 code prefix: 46 finds 46.1 and 46.690', example: '46' })
  @IsOptional()
  @Matches(/^\d{1,2}(\.\d{0,3})?$/, { message: 'must be the start of an SNI code, like 46 or 46.6' })
  sni?: string;

  @ApiPropertyOptional({ description: 'Exporting (export turnover above zero) in the latest year with export figures' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  exporting?: boolean;

  @ApiPropertyOptional({ description: 'Text in the name, or digits of the organisation number (with or without the dash)', example: 'norrskog' })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @Length(1, 100, { message: 'must be 1 to 100 characters' })
  q?: string;

  @ApiPropertyOptional({ enum: COMPANY_SORTS, default: 'name', description: 'A leading - sorts descending' })
  @IsOptional()
  @IsIn(COMPANY_SORTS, { message: `must be one of ${COMPANY_SORTS.join(', ')}` })
  sort: CompanySort = 'name';
}
