import { AppException } from '@globac/http';
import { HttpStatus } from '@nestjs/common';

export const REBUILD_RUNNING_CODE = 'REBUILD_RUNNING';

/** One rebuild at a time, whichever replica was asked. */
export class RebuildAlreadyRunningException extends AppException {
  constructor(id: string) {
    super(HttpStatus.CONFLICT, REBUILD_RUNNING_CODE, 'A rebuild is already running; see GET /api/reports/status', { id });
  }
}
