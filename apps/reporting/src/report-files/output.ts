import { setImmediate as nextMacrotask } from 'node:timers/promises';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';

// Backpressure towards the client: the renderers pull the next company row only when the destination
// has room, so a slow download slows the database cursor instead of filling the heap.

/** Resolves when `out` has room again; rejects if it errors or closes first (client went away). */
export function roomIn(out: Writable): Promise<void> {
  if (!out.writableNeedDrain) return Promise.resolve();
  if (out.destroyed || out.closed) return Promise.reject(new Error('The report destination was closed before the report was complete.'));
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
      reject(new Error('The report destination was closed before the report was complete.'));
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
    if (!this.out.write(chunk, 'utf8')) await roomIn(this.out);
  }
}
