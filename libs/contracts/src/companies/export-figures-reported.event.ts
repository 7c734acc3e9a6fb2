import { ArrayMaxSize, ArrayUnique, IsArray, IsInt, IsISO31661Alpha2, IsUUID, Max, Min } from 'class-validator';
import { Description, IsInstant } from '../field.decorators';
import { IntegrationEvent } from '../integration-event.decorator';

@IntegrationEvent({
  producer: 'companies',
  aggregate: 'export-figures',
  event: 'reported',
  version: 1,
  description:
    'A company reported (or re-reported) its turnover and export figures for a year. A later report of the same ' +
    'company and year has a higher revision and replaces the earlier one; consumers keep the highest revision.',
})
export class ExportFiguresReported {
  @Description('The reporting company.')
  @IsUUID()
  readonly companyId: string;

  @Description('The financial year the figures are for.')
  @IsInt()
  @Min(2000)
  @Max(2100)
  readonly year: number;

  @Description('Total turnover in whole SEK.')
  @IsInt()
  @Min(0)
  readonly totalTurnoverSek: number;

  @Description('Export turnover in whole SEK (0 for a company that did not export that year); at most the total.')
  @IsInt()
  @Min(0)
  readonly exportTurnoverSek: number;

  @Description('Countries exported to that year, ISO 3166-1 alpha-2.')
  @IsArray()
  @ArrayMaxSize(250)
  @ArrayUnique()
  @IsISO31661Alpha2({ each: true })
  readonly exportMarkets: string[];

  @Description('1 for the first report of this company and year, then +1 for each correction.')
  @IsInt()
  @Min(1)
  readonly revision: number;

  @Description('When the figures were reported.')
  @IsInstant()
  readonly reportedAt: string;
}
