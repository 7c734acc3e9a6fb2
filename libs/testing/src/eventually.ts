export interface EventuallyOptions {
  /** Give up after this long; generous, because a shared 2-core machine can be slow. */
  timeoutMs?: number;
  intervalMs?: number;
}

/**
 * Polls `probe` until it stops throwing (returning its value), for asynchronous effects such as an
 * integration event being handled. Tests wait on progress like this, never on a fixed sleep.
 */
export async function eventually<T>(probe: () => T | Promise<T>, options: EventuallyOptions = {}): Promise<T> {
  const { timeoutMs = 20_000, intervalMs = 25 } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await probe();
    } catch (error) {
      if (Date.now() > deadline) {
        (error as Error).message = `still failing after ${timeoutMs} ms: ${(error as Error).message}`;
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
