import { AppException } from '@globac/http';
import { HttpStatus } from '@nestjs/common';

export enum ExportFiguresErrorCode {
  ExportFiguresNotFound = 'EXPORT_FIGURES_NOT_FOUND',
}

export class ExportFiguresNotFoundException extends AppException {
  constructor(companyId: string, year: number) {
    super(HttpStatus.NOT_FOUND, ExportFiguresErrorCode.ExportFiguresNotFound, `Company ${companyId} has no export figures for ${year}`, {
      companyId,
      year,
    });
  }
}
