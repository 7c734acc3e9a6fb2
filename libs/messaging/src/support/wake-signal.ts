/**
 * Wakes a sleeping loop early. A wake-up that arrives while the loop is busy is remembered, so the loop
 * never sleeps through work that came in while it was working.
 */
export class WakeSignal {
  private pending = false;
  private waiter?: () => void;

  notify(): void {
    this.pending = true;
    this.waiter?.();
  }

  /** Resolves on `notify()` (or at once if one came since the last wait) or after `ms`. */
  async wait(ms: number): Promise<void> {
    if (!this.pending) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.waiter = done;
      });
      this.waiter = undefined;
    }
    this.pending = false;
  }
}

/** Exponential backoff: `base`, `2·base`, `4·base`, ... capped at `max`, with ±20 % jitter so replicas spread out. */
export function backoffDelay(attempt: number, base: number, max: number): number {
  const raw = Math.min(max, base * 2 ** Math.max(0, attempt - 1));
  return Math.round(raw * (0.8 + Math.random() * 0.4));
}
