import { PassThrough, type Writable } from 'node:stream';
import { StreamableFile } from '@nestjs/common';
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
