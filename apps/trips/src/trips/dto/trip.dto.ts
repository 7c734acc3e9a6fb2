import { FINANCIERS, type Financier } from '@globac/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { TARGET_REGIONS } from '../../target-regions';
import { TRIP_STATUSES, type Trip, type TripStatus } from '../trip.entity';

export class TripDestinationDto {
  @ApiProperty({ type: String, example: 'PL', description: 'ISO 3166-1 alpha-2' })
  country: string;

  @ApiProperty({ type: String, enum: TARGET_REGIONS, nullable: true, example: 'poznan' })
  targetRegion: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Poznań' })
  city: string | null;
}

export class TravelledCompanyDto {
  @ApiProperty({ type: String, format: 'uuid' })
  companyId: string;

  @ApiProperty({ type: 'integer', example: 4 })
  daysAbroad: number;

  @ApiProperty({ type: 'integer', example: 15000, description: 'Whole SEK' })
  subsidySek: number;
}

export class PlacesDto {
  @ApiProperty({ type: 'integer', example: 6, description: 'Companies accepted' })
  accepted: number;

  @ApiProperty({ type: 'integer', nullable: true, example: 4, description: 'Places left; null for no limit' })
  available: number | null;
}

export class TripDto {
  @ApiProperty({ type: String, format: 'uuid' })
  id: string;

  @ApiProperty({ type: String })
  title: string;

  @ApiProperty({ type: String })
  purpose: string;

  @ApiProperty({ type: TripDestinationDto, isArray: true })
  destinations: TripDestinationDto[];

  @ApiProperty({ type: String, format: 'date' })
  startsOn: string;

  @ApiProperty({ type: String, format: 'date' })
  endsOn: string;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Places for companies; null for no limit' })
  capacity: number | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  applicationClosesOn: string | null;

  @ApiProperty({ type: String, enum: FINANCIERS, isArray: true })
  financiers: Financier[];

  @ApiProperty({ type: 'integer', description: 'Whole SEK per travelling company' })
  subsidyPerCompanySek: number;

  @ApiProperty({ type: String, enum: TRIP_STATUSES })
  status: TripStatus;

  @ApiProperty({ type: PlacesDto })
  places: PlacesDto;

  @ApiProperty({ type: TravelledCompanyDto, isArray: true, nullable: true, description: 'Who travelled: from completion on, as last corrected' })
  travelled: TravelledCompanyDto[] | null;

  @ApiProperty({ type: 'integer', description: '0 before completion, 1 at completion, +1 for each correction' })
  completionRevision: number;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  openedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  closedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  completedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  cancelledAt: string | null;

  static from(trip: Trip): TripDto {
    return {
      id: trip.id,
      title: trip.title,
      purpose: trip.purpose,
      destinations: trip.destinations,
      startsOn: trip.startsOn,
      endsOn: trip.endsOn,
      capacity: trip.capacity,
      applicationClosesOn: trip.applicationClosesOn,
      financiers: trip.financiers,
      subsidyPerCompanySek: trip.subsidyPerCompanySek,
      status: trip.status,
      places: {
        accepted: trip.acceptedCount,
        available: trip.capacity === null ? null : Math.max(0, trip.capacity - trip.acceptedCount),
      },
      travelled: trip.completion,
      completionRevision: trip.completionRevision,
      createdAt: trip.createdAt.toISOString(),
      updatedAt: trip.updatedAt.toISOString(),
      openedAt: trip.openedAt?.toISOString() ?? null,
      closedAt: trip.closedAt?.toISOString() ?? null,
      completedAt: trip.completedAt?.toISOString() ?? null,
      cancelledAt: trip.cancelledAt?.toISOString() ?? null,
    };
  }
}
