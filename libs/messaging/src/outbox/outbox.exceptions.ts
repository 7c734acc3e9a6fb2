import { AppException } from '@globac/http';
import { HttpStatus } from '@nestjs/common';

export class FailedOutboxRowNotFoundException extends AppException {
  constructor(id: string) {
    super(HttpStatus.NOT_FOUND, 'FAILED_OUTBOX_ROW_NOT_FOUND', `No failed outbox row ${id} (it may be pending, published or unknown)`, { id });
  }
}
