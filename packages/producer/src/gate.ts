// Back-pressure: a byte budget for accepted events; callers that do not fit wait in line, first come first served.

interface Waiter {
  size: number;
  admit: () => void;
}

/**
 * Counts the bytes of the events between acceptance and settlement. An event enters when it fits, or when the
 * buffer is empty (so an event larger than the whole budget still gets through, alone). Waiters are admitted in
 * arrival order and nobody overtakes them, which keeps events in send order.
 */
export class ByteGate {
  private used = 0;
  private readonly waiters: (Waiter | undefined)[] = [];
  private head = 0;

  constructor(private readonly capacity: number) {}

  get bytes(): number {
    return this.used;
  }

  get waiting(): number {
    return this.waiters.length - this.head;
  }

  /** Takes `size` bytes at once if nobody is waiting and they fit. */
  tryEnter(size: number): boolean {
    if (this.waiting > 0 || !this.fits(size)) return false;
    this.used += size;
    return true;
  }

  /** Queues a caller; `admit` runs synchronously once its bytes are taken. */
  enqueue(size: number, admit: () => void): void {
    this.waiters.push({ size, admit });
  }

  /** Gives `size` bytes back and admits the waiters that now fit, in order. */
  leave(size: number): void {
    this.used -= size;
    for (let waiter = this.waiters[this.head]; waiter !== undefined && this.fits(waiter.size); waiter = this.waiters[this.head]) {
      this.waiters[this.head] = undefined;
      this.head += 1;
      this.used += waiter.size;
      waiter.admit();
    }
    // Drop the admitted prefix now and then, so a long queue costs O(1) per waiter.
    if (this.head > 1024 && this.head * 2 > this.waiters.length) {
      this.waiters.splice(0, this.head);
      this.head = 0;
    }
  }

  private fits(size: number): boolean {
    return this.used === 0 || this.used + size <= this.capacity;
  }
}
