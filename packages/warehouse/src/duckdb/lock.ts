// One DuckDB connection carries one transaction at a time, so statements take turns. Calls made from inside a
// turn (a transaction callback calling the warehouse again) run at once in that turn instead of waiting for it.
import { AsyncLocalStorage } from 'node:async_hooks';

/** What the current turn is doing. */
export interface Turn {
  inTransaction: boolean;
}

/**
 * A FIFO lock whose holder, and everything the holder awaits, can re-enter it.
 *
 * @example
 * const lock = new TurnLock();
 * await lock.run({ inTransaction: false }, () => connection.run('select 1'));
 */
export class TurnLock {
  private tail: Promise<void> = Promise.resolve();
  private readonly storage = new AsyncLocalStorage<Turn>();

  /** The turn the caller is running in, if any. */
  current(): Turn | undefined {
    return this.storage.getStore();
  }

  async run<T>(turn: Turn, fn: () => Promise<T>): Promise<T> {
    if (this.storage.getStore() !== undefined) return fn();
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((resolve) => {
      release = resolve;
    });
    await previous;
    try {
      return await this.storage.run(turn, fn);
    } finally {
      release();
    }
  }
}
