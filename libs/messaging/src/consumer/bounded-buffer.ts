/**
 * A FIFO between the reader of a JetStream consumer and the batch loop. `push` waits while it is full,
 * so that the reader stops pulling (the client only asks the server for more as it is iterated): the
 * work in flight stays bounded however slow the handlers are.
 */
export class BoundedBuffer<T> {
  private readonly items: T[] = [];
  private closed = false;
  private onItem?: () => void;
  private onSpace?: () => void;

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.items.length;
  }

  /** Adds an item, waiting while the buffer is full. Returns false if the buffer was closed meanwhile. */
  async push(item: T): Promise<boolean> {
    while (this.items.length >= this.capacity && !this.closed) {
      await new Promise<void>((resolve) => (this.onSpace = resolve));
    }
    if (this.closed) return false;
    this.items.push(item);
    this.onItem?.();
    return true;
  }

  /** Takes up to `max` items, waiting for at least one; an empty answer means closed and empty. */
  async take(max: number): Promise<T[]> {
    while (this.items.length === 0 && !this.closed) {
      await new Promise<void>((resolve) => (this.onItem = resolve));
    }
    const taken = this.items.splice(0, max);
    this.onSpace?.();
    return taken;
  }

  /** No more pushes; `take` returns what is left, then empty. Returns nothing: see `drain`. */
  close(): void {
    this.closed = true;
    this.onItem?.();
    this.onSpace?.();
  }

  /** Removes and returns everything left (to give it back to the server on shutdown). */
  drain(): T[] {
    return this.items.splice(0);
  }
}
