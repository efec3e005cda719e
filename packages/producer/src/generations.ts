// Flush bookkeeping: which events a flush() waits for, without waiting for events sent after it began.

/**
 * Each `send` is counted in the current generation; `flush()` closes the generation and waits until every event
 * of it and of earlier ones has settled (delivered or failed). Events sent while a flush waits belong to the next
 * generation, so a steady stream of sends cannot keep a flush from finishing.
 */
export class Generations {
  private current = 0;
  // Keys only ever enter in increasing order, so the first key is the oldest generation with unsettled events.
  private readonly unsettled = new Map<number, number>();
  private waiters: { generation: number; resolve: () => void }[] = [];

  /** Counts one more event in the current generation and returns that generation. */
  add(): number {
    const generation = this.current;
    this.unsettled.set(generation, (this.unsettled.get(generation) ?? 0) + 1);
    return generation;
  }

  /** Marks one event of `generation` settled. */
  settle(generation: number): void {
    const left = (this.unsettled.get(generation) ?? 0) - 1;
    if (left > 0) {
      this.unsettled.set(generation, left);
      return;
    }
    this.unsettled.delete(generation);
    const oldest = this.oldest();
    this.waiters = this.waiters.filter((waiter) => {
      if (waiter.generation >= oldest) return true;
      waiter.resolve();
      return false;
    });
  }

  /** Closes the current generation and returns it. */
  advance(): number {
    const closed = this.current;
    this.current += 1;
    return closed;
  }

  /** Resolves once every event of `generation` and earlier has settled. */
  settled(generation: number): Promise<void> {
    if (this.oldest() > generation) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ generation, resolve }));
  }

  private oldest(): number {
    for (const generation of this.unsettled.keys()) return generation;
    return Number.POSITIVE_INFINITY;
  }
}
