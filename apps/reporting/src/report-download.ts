import { PassThrough, type Writable } from 'node:stream';
import { applyDecorators, StreamableFile, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, getSchemaPath } from '@nestjs/swagger';
import { REPORT_CONTENT_TYPES, type ReportFormat } from './report-files';

/**
 * A report file as the answer, streamed: the renderer writes into a pipe that the HTTP response reads
 * as it goes (a list of 50,000 companies is never held whole). A renderer that fails after the first
 * bytes ends the response early; what can be refused is refused before this is called.
 */
export function reportFile(format: ReportFormat, fileName: string, write: (out: Writable) => Promise<void>): StreamableFile {
  const out = new PassThrough();
  write(out).catch((error: Error) => out.destroy(error));
  return new StreamableFile(out, { type: REPORT_CONTENT_TYPES[format], disposition: `attachment; filename="${fileName}"` });
}

/** The Content-Disposition of every download, as the document declares it (file names are ASCII: see reportFileName). */
export const CONTENT_DISPOSITION_PATTERN = '^attachment; filename="globac-[A-Za-z0-9_-]+\\.(csv|xlsx|pdf)"$';

/**
 * The 200 answer of a route that also downloads: JSON by default, or with `format=csv|xlsx|pdf` the
 * file, named in Content-Disposition. CSV is text (UTF-8, a header row); XLSX and PDF are bytes.
 */
export function ApiReportOkResponse(json: Type<unknown>, what: string): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(json),
    ApiOkResponse({
      description: `${what} as JSON; with format=csv|xlsx|pdf, the file (named in Content-Disposition)`,
      headers: {
        'Content-Disposition': {
          description: 'With format only: `attachment; filename="globac-<kind>-<from>_<to>[-<financier>][-<id>].<ext>"`',
          schema: { type: 'string', pattern: CONTENT_DISPOSITION_PATTERN, example: 'attachment; filename="globac-indicators-2026-01-01_2026-12-31.csv"' },
        },
      },
      content: {
        'application/json': { schema: { $ref: getSchemaPath(json) } },
        'text/csv': { schema: { type: 'string', description: 'format=csv: UTF-8 with a byte-order mark, a header row, comma-separated' } },
        [REPORT_CONTENT_TYPES.xlsx]: { schema: { type: 'string', format: 'binary', description: 'format=xlsx: an Excel workbook' } },
        [REPORT_CONTENT_TYPES.pdf]: { schema: { type: 'string', format: 'binary', description: 'format=pdf: a PDF document' } },
      },
    }),
  );
}
