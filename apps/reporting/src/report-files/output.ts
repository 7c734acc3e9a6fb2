import { setImmediate as nextMacrotask } from 'node:timers/promises';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';

// Backpressure towards the client: the renderers pull the next company row only when the destination
// has room, so a slow download slows the database cursor instead of filling the heap.

export class ReportDestinationClosedError extends Error {
  constructor() {
    super('The report destination was closed before the report was complete.');
    this.name = 'ReportDestinationClosedError';
  }
}

/** Resolves when `out` has room again; rejects if it errors or closes first (client went away). */
export function roomIn(out: Writable): Promise<void> {
  if (out.destroyed) return Promise.reject(new ReportDestinationClosedError());
  if (!out.writableNeedDrain) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      out.off('drain', onDrain);
      out.off('error', onError);
      out.off('close', onClose);
    };
    const onDrain = () => {
      cleanup();
      resolve();
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onClose = () => {
      cleanup();
      reject(new ReportDestinationClosedError());
    };
    out.on('drain', onDrain);
    out.on('error', onError);
    out.on('close', onClose);
  });
}

/** Ends `out` (if not yet ended) and resolves once everything written has been accepted by it. */
export async function finish(out: Writable): Promise<void> {
  if (!out.writableEnded) out.end();
  // A Duplex (PassThrough) destination counts as done when its writable side is: the reader may be later.
  await finished(out, { readable: false });
}

/**
 * Paces a loop over rows: after every `batch` rows it lets the event loop run (compression and pipes
 * downstream work in later ticks, which a fast in-memory source would otherwise starve) and waits
 * while `out` is full.
 */
export class RowPacer {
  private count = 0;

  constructor(
    private readonly out: Writable,
    private readonly batch = 256,
  ) {}

  async afterRow(): Promise<void> {
    this.count += 1;
    // A client that went away stops the rows at once, rather than at the end of the list.
    if (this.out.destroyed) throw new ReportDestinationClosedError();
    if (this.count % this.batch !== 0 && !this.out.writableNeedDrain) return;
    await nextMacrotask();
    await roomIn(this.out);
  }
}

/** Collects small strings into chunks of about `size` characters, waiting for room before each write. */
export class ChunkedTextWriter {
  private buffer = '';

  constructor(
    private readonly out: Writable,
    private readonly size = 64 * 1024,
  ) {}

  async write(text: string): Promise<void> {
    this.buffer += text;
    if (this.buffer.length >= this.size) await this.flush();
  }

  async flush(): Promise<void> {
    if (!this.buffer) return;
    const chunk = this.buffer;
    this.buffer = '';
    if (this.out.destroyed) throw new ReportDestinationClosedError();
    if (!this.out.write(chunk, 'utf8')) await roomIn(this.out);
  }
}

/**
 * `work`, unless `out` closes or fails first: a library that waits for `out` to finish (exceljs's
 * commit does) would otherwise wait forever for a client that went away.
 */
export async function whileOpen<T>(out: Writable, work: Promise<T>): Promise<T> {
  let stop: (() => void) | undefined;
  const closed = new Promise<never>((_, reject) => {
    // A close after everything was written is the normal end, not a failure.
    const onClose = () => {
      if (!out.writableFinished) reject(new ReportDestinationClosedError());
    };
    const onError = (error: Error) => reject(error);
    out.once('close', onClose);
    out.once('error', onError);
    stop = () => {
      out.off('close', onClose);
      out.off('error', onError);
    };
  });
  closed.catch(() => undefined);
  try {
    return await Promise.race([work, closed]);
  } finally {
    stop?.();
  }
}
