import { ApiProperty } from '@nestjs/swagger';
import type { ExportFigures, ExportFiguresRevision } from '../export-figures.entity';
import { isExporting } from '../export-figures.rules';

export class ExportFiguresRevisionDto {
  @ApiProperty({ type: 'integer', example: 1 })
  revision: number;

  @ApiProperty({ type: 'integer', example: 42_000_000 })
  totalTurnoverSek: number;

  @ApiProperty({ type: 'integer', example: 9_500_000 })
  exportTurnoverSek: number;

  @ApiProperty({ type: [String], example: ['NO', 'PL'] })
  exportMarkets: string[];

  @ApiProperty({ description: 'Export turnover above zero' })
  exporting: boolean;

  @ApiProperty({ format: 'date-time' })
  reportedAt: string;

  static from(row: ExportFigures | ExportFiguresRevision): ExportFiguresRevisionDto {
    return {
      revision: row.revision,
      totalTurnoverSek: row.totalTurnoverSek,
      exportTurnoverSek: row.exportTurnoverSek,
      exportMarkets: row.exportMarkets,
      exporting: isExporting(row),
      reportedAt: row.reportedAt.toISOString(),
    };
  }
}

/** A company's figures for one year as they stand (the latest revision). */
export class ExportFiguresDto extends ExportFiguresRevisionDto {
  @ApiProperty({ format: 'uuid' })
  companyId: string;

  @ApiProperty({ type: 'integer', example: 2025 })
  year: number;

  static override from(row: ExportFigures): ExportFiguresDto {
    return { companyId: row.companyId, year: row.year, ...ExportFiguresRevisionDto.from(row) };
  }
}

export class ExportFiguresDetailDto extends ExportFiguresDto {
  @ApiProperty({ type: ExportFiguresRevisionDto, isArray: true, description: 'Every revision reported, the first first; the last is the current one' })
  revisions: ExportFiguresRevisionDto[];
}
