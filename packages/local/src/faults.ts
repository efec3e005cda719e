// Seeded fault injection. Each stream and each kind of fault draws from its own generator, so turning one fault on
// does not shift the others, and the same seed with the same calls fails the same records.
import type { StreamFaults } from './types.js';

// FNV-1a, to turn "seed:stream:kind" into a 32-bit generator seed.
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value;
}

// mulberry32: small, fast, and good enough to decide which call fails.
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const kinds = ['record', 'call', 'transform', 'slow', 'redelivery'] as const;

/** The fault decisions of one stream. */
export class FaultInjector {
  private faults: StreamFaults;
  private readonly draw: Record<(typeof kinds)[number], () => number>;

  constructor(seed: number, streamName: string, faults: StreamFaults | undefined) {
    this.faults = faults ?? {};
    this.draw = Object.fromEntries(kinds.map((kind) => [kind, generator(hash(`${seed}:${streamName}:${kind}`))])) as FaultInjector['draw'];
  }

  set(faults: StreamFaults | undefined): void {
    this.faults = faults ?? {};
  }

  private happens(kind: (typeof kinds)[number], rate: number | undefined): boolean {
    // No draw when the fault is off, so a fault switched on later starts from the same point in every run.
    if (rate === undefined || rate <= 0) return false;
    return this.draw[kind]() < rate;
  }

  failCall(): boolean {
    return this.happens('call', this.faults.callFailureRate);
  }

  failRecord(): boolean {
    return this.happens('record', this.faults.recordFailureRate);
  }

  failInvocation(): boolean {
    return this.happens('transform', this.faults.transformFailureRate);
  }

  /** Milliseconds to hold the answer back, 0 for a prompt one. */
  responseDelay(): number {
    return this.happens('slow', this.faults.slowResponseRate) ? (this.faults.slowResponseMs ?? 2000) : 0;
  }

  redeliver(): boolean {
    return this.happens('redelivery', this.faults.redeliveryRate);
  }
}
