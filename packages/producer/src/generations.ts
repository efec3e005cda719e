// Flush bookkeeping: which events a flush() waits for, without waiting for events sent after it began.

/**
 * Each `send` is counted in the current generation; `flush()` closes the generation and waits until every event
 * of it and of earlier ones has settled (delivered or failed). Events sent while a flush waits belong to the next
 * generation, so a steady stream of sends cannot keep a flush from finishing.
 */
export class Generations {
  private current = 0;
  // The current generation is counted in a plain field (the hot path: no flush pending); closed generations with
  // unsettled events live in the map, whose keys enter in increasing order, so its first key is the oldest.
  private currentUnsettled = 0;
  private readonly closed = new Map<number, number>();
  private waiters: { generation: number; resolve: () => void }[] = [];

  /** Counts one more event in the current generation and returns that generation. */
  add(): number {
    this.currentUnsettled += 1;
    return this.current;
  }

  /** Marks `count` events of `generation` settled. */
  settle(generation: number, count: number): void {
    if (generation === this.current) {
      this.currentUnsettled -= count;
      return;
    }
    const left = (this.closed.get(generation) ?? 0) - count;
    if (left > 0) {
      this.closed.set(generation, left);
      return;
    }
    this.closed.delete(generation);
    const oldest = this.oldest();
    this.waiters = this.waiters.filter((waiter) => {
      if (waiter.generation >= oldest) return true;
      waiter.resolve();
      return false;
    });
  }

  /** Closes the current generation and returns it. */
  advance(): number {
    const closing = this.current;
    if (this.currentUnsettled > 0) this.closed.set(closing, this.currentUnsettled);
    this.current += 1;
    this.currentUnsettled = 0;
    return closing;
  }

  /** Resolves once every event of `generation` and earlier has settled; `generation` must be closed. */
  settled(generation: number): Promise<void> {
    if (this.oldest() > generation) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ generation, resolve }));
  }

  private oldest(): number {
    for (const generation of this.closed.keys()) return generation;
    return Number.POSITIVE_INFINITY;
  }
}
