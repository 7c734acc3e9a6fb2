import { AppException } from '@globac/http';
import { HttpStatus } from '@nestjs/common';

export const TRIP_REPORT_NOT_FOUND_CODE = 'TRIP_REPORT_NOT_FOUND';

/** No report for the trip (it has not been completed, or not that revision). */
export class TripReportNotFoundException extends AppException {
  constructor(tripId: string, revision?: number) {
    super(
      HttpStatus.NOT_FOUND,
      TRIP_REPORT_NOT_FOUND_CODE,
      revision ? `No report revision ${revision} of trip ${tripId}` : `No report of trip ${tripId}: it has not been completed`,
      { tripId, ...(revision ? { revision } : {}) },
    );
  }
}
