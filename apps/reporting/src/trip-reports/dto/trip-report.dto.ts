import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Min } from 'class-validator';
import { REPORT_FORMATS } from '../../indicators/dto/indicators-query.dto';

export class TripReportQueryDto {
  @ApiPropertyOptional({ type: String, enum: REPORT_FORMATS, description: 'Download the report as a file instead of JSON' })
  @IsOptional()
  @IsIn(REPORT_FORMATS, { message: `must be one of ${REPORT_FORMATS.join(', ')}` })
  format?: (typeof REPORT_FORMATS)[number];

  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'An earlier report of the trip (each completion or correction made one); the latest by default' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  revision?: number;
}

export class TripDestinationDto {
  @ApiProperty({ type: String, example: 'PL' }) country: string;
  @ApiProperty({ type: String, nullable: true, example: 'poznan' }) targetRegion: string | null;
  @ApiProperty({ type: String, nullable: true }) city: string | null;
}

export class TravellingCompanyDto {
  @ApiProperty({ type: String, format: 'uuid' }) companyId: string;
  @ApiProperty({ type: String, nullable: true }) orgNumber: string | null;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ type: 'integer' }) daysAbroad: number;
  @ApiProperty({ type: 'integer' }) subsidySek: number;
}

export class TripMeetingDto {
  @ApiProperty({ type: String, format: 'uuid' }) meetingId: string;
  @ApiProperty({ type: String, format: 'uuid' }) companyId: string;
  @ApiProperty({ type: String, nullable: true }) partnerName: string | null;
  @ApiProperty({ type: String }) partnerCountry: string;
  @ApiProperty({ type: String, format: 'date-time' }) heldAt: string;
  @ApiProperty({ type: String, enum: ['no-interest', 'follow-up', 'offer-requested', 'agreement'] }) outcome: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) followUpOn: string | null;
}

export class TripTotalsDto {
  @ApiProperty({ type: 'integer' }) travellingCompanies: number;
  @ApiProperty({ type: 'integer' }) subsidySek: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' } }) meetingsByOutcome: Record<string, number>;
}

/** A trip report, produced when the trip's completion (or a correction of it) arrived. */
export class TripReportDto {
  @ApiProperty({ type: String, format: 'uuid' }) tripId: string;
  @ApiProperty({ type: String }) title: string;
  @ApiProperty({ type: String, format: 'date' }) startsOn: string;
  @ApiProperty({ type: String, format: 'date' }) endsOn: string;
  @ApiProperty({ type: String, format: 'date-time' }) producedAt: string;
  @ApiProperty({ type: 'integer', description: '1 for the completion, +1 for each correction' }) revision: number;
  @ApiProperty({ type: TripDestinationDto, isArray: true }) destinations: TripDestinationDto[];
  @ApiProperty({ type: String, isArray: true }) targetRegions: string[];
  @ApiProperty({ type: String, isArray: true }) financiers: string[];
  @ApiProperty({ type: TravellingCompanyDto, isArray: true }) travellingCompanies: TravellingCompanyDto[];
  @ApiProperty({ type: TripMeetingDto, isArray: true }) meetings: TripMeetingDto[];
  @ApiProperty({ type: TripTotalsDto }) totals: TripTotalsDto;
}
