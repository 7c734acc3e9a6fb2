import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACTIVITY_KINDS, MUNICIPALITY_KEYS } from './indicators-query.dto';

const FIGURE = { type: 'object', additionalProperties: { type: 'integer' }, example: { micro: 3, small: 5 } } as const;

export class PeriodDto {
  @ApiProperty({ type: String, format: 'date' }) from: string;
  @ApiProperty({ type: String, format: 'date' }) to: string;
}

export class FiltersDto {
  @ApiPropertyOptional({ type: String, example: 'eu', description: 'The financier asked for; absent for all' }) financier?: string;
  @ApiPropertyOptional({ type: String, enum: MUNICIPALITY_KEYS, description: 'The municipality asked for; absent for all' }) municipality?: string;
  @ApiPropertyOptional({ type: String, enum: ACTIVITY_KINDS, description: 'The kind of activity asked for; absent for all' }) activityKind?: string;
}

export class CompaniesSupportedDto {
  @ApiProperty({ type: 'integer' }) total: number;
  @ApiProperty(FIGURE) bySizeClass: Record<string, number>;
  @ApiProperty(FIGURE) byActivityKind: Record<string, number>;
  @ApiProperty(FIGURE) byMunicipality: Record<string, number>;
  @ApiProperty(FIGURE) byFinancier: Record<string, number>;
  @ApiProperty({ type: String }) rule: string;
}

export class ParticipationsDto {
  @ApiProperty({ type: 'integer' }) attended: number;
  @ApiProperty(FIGURE) byGender: Record<string, number>;
  @ApiProperty({ type: Number, minimum: 0, description: 'Hours credited to the attended participations (half hours and the like: not a whole number)' }) hours: number;
  @ApiProperty({ type: String }) rule: string;
}

export class TripsFigureDto {
  @ApiProperty({ type: 'integer' }) completed: number;
  @ApiProperty({ type: 'integer' }) travellingCompanies: number;
  @ApiProperty({ type: 'integer' }) subsidySek: number;
  @ApiProperty({ type: String }) rule: string;
}

export class ExportTurnoverDto {
  @ApiProperty({ type: 'integer' }) baseline: number;
  @ApiProperty({ type: 'integer' }) latest: number;
}

export class ExportersDto {
  @ApiProperty({ type: 'integer' }) exportingLatest: number;
  @ApiProperty({ type: 'integer' }) exportingBaseline: number;
  @ApiProperty({ type: 'integer' }) newExporters: number;
  @ApiProperty({ type: ExportTurnoverDto }) exportTurnoverSek: ExportTurnoverDto;
  @ApiProperty({ type: String }) rule: string;
}

export class RelationshipsDto {
  @ApiProperty({ type: 'integer' }) reached: number;
  @ApiProperty(FIGURE) byPartnerCountry: Record<string, number>;
  @ApiProperty(FIGURE) byTargetRegion: Record<string, number>;
  @ApiProperty({ type: String }) rule: string;
}

export class PartnerMeetingsDto {
  @ApiProperty({ type: 'integer' }) held: number;
  @ApiProperty(FIGURE) byOutcome: Record<string, number>;
  @ApiProperty({ type: String }) rule: string;
}

export class ExportRingsDto {
  @ApiProperty({ type: 'integer' }) companies: number;
  @ApiProperty({ type: String }) rule: string;
}

/** The indicators of a period, each figure with its counting rule. */
export class IndicatorsReportDto {
  @ApiProperty({ type: String, example: 'Globac' }) programme: string;
  @ApiProperty({ type: PeriodDto }) period: PeriodDto;
  @ApiProperty({ type: FiltersDto }) filters: FiltersDto;
  @ApiProperty({ type: String, format: 'date-time' }) producedAt: string;
  @ApiProperty({ type: CompaniesSupportedDto }) companiesSupported: CompaniesSupportedDto;
  @ApiProperty({ type: ParticipationsDto }) participations: ParticipationsDto;
  @ApiProperty({ type: TripsFigureDto }) trips: TripsFigureDto;
  @ApiProperty({ type: ExportersDto }) exporters: ExportersDto;
  @ApiProperty({ type: RelationshipsDto }) relationships: RelationshipsDto;
  @ApiProperty({ type: PartnerMeetingsDto }) partnerMeetings: PartnerMeetingsDto;
  @ApiProperty({ type: ExportRingsDto }) exportRings: ExportRingsDto;
}

/** One company behind companiesSupported. */
export class SupportedCompanyDto {
  @ApiProperty({ type: String, format: 'uuid' }) companyId: string;
  @ApiProperty({ type: String, description: 'Organisation number; empty for a sole trader or a company not yet registered here' }) orgNumber: string;
  @ApiProperty({ type: String }) name: string;
  @ApiProperty({ type: String, nullable: true, enum: ['micro', 'small', 'medium', 'large'] }) sizeClass: string | null;
  @ApiProperty({ type: String, description: 'The municipalities of its activities in the period, joined with ", "' }) municipality: string;
  @ApiProperty({ type: String, enum: ACTIVITY_KINDS, isArray: true, description: 'The kinds of its activities in the period' }) activityKinds: string[];
}
