import { type ApiErrorOptions, NotFoundDetails } from '@globac/http';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COMPANY_NOT_FOUND_CODE } from './company-activities/company-activities.exception';
import { PERIOD_NOT_FOUND_CODE } from './periods/periods.exception';
import { REBUILD_RUNNING_CODE } from './rebuild/rebuild.exception';
import { TRIP_REPORT_NOT_FOUND_CODE } from './trip-reports/trip-reports.exception';

// The error answers of the reporting service, with the `details` each code carries, for @ApiErrorResponse.
// A period ending before it starts is a VALIDATION_FAILED (rule periodEndsAfterStart), which the
// document builder declares on every operation.

export class TripReportNotFoundDetails {
  @ApiProperty({ type: String, format: 'uuid' }) tripId: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'The revision asked for; absent when no report of the trip exists at all' })
  revision?: number;
}

export class RebuildRunningDetails {
  @ApiProperty({ type: String, format: 'uuid', description: 'The rebuild that is running: follow it in GET /api/reports/status' }) id: string;
}

export const COMPANY_NOT_FOUND: ApiErrorOptions = {
  status: 404,
  code: COMPANY_NOT_FOUND_CODE,
  description: 'nothing is known here about this company: no registration and no activity (or they have not arrived yet)',
  details: NotFoundDetails,
};
export const PERIOD_NOT_FOUND: ApiErrorOptions = { status: 404, code: PERIOD_NOT_FOUND_CODE, description: 'no frozen period with this id', details: NotFoundDetails };
export const TRIP_REPORT_NOT_FOUND: ApiErrorOptions = {
  status: 404,
  code: TRIP_REPORT_NOT_FOUND_CODE,
  description: 'no report of the trip: it has not been completed (or its completion has not arrived yet), or it has no such revision',
  details: TripReportNotFoundDetails,
};
export const REBUILD_RUNNING: ApiErrorOptions = {
  status: 409,
  code: REBUILD_RUNNING_CODE,
  description: 'a rebuild is already running (in any replica); details.id is that rebuild',
  details: RebuildRunningDetails,
};
