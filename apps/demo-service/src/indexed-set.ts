// A set with O(1) add, delete and uniform random pick: the simulation picks random providers, accommodations and
// bookings millions of times.
import type { Random } from './random.js';

export class IndexedSet<T> {
  private readonly items: T[] = [];
  private readonly positions = new Map<T, number>();

  get size(): number {
    return this.items.length;
  }

  add(item: T): void {
    if (this.positions.has(item)) return;
    this.positions.set(item, this.items.length);
    this.items.push(item);
  }

  delete(item: T): void {
    const position = this.positions.get(item);
    if (position === undefined) return;
    const last = this.items.pop()!;
    if (position < this.items.length) {
      this.items[position] = last;
      this.positions.set(last, position);
    }
    this.positions.delete(item);
  }

  has(item: T): boolean {
    return this.positions.has(item);
  }

  pick(random: Random): T | undefined {
    return this.items.length === 0 ? undefined : this.items[Math.floor(random.next() * this.items.length)];
  }
}
