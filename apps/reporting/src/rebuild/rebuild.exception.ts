import { AppException } from '@globac/http';
import { HttpStatus } from '@nestjs/common';

/** One rebuild at a time, whichever replica was asked. */
export class RebuildAlreadyRunningException extends AppException {
  constructor(id: string) {
    super(HttpStatus.CONFLICT, 'REBUILD_RUNNING', 'A rebuild is already running; see GET /api/reports/status', { id });
  }
}
