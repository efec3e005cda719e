// A small seeded PRNG (sfc32): the same seed always gives the same scenario, so a demo run, a test and a benchmark
// can be repeated event for event.

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** `count` distinct items, in a random order. */
  sample<T>(items: readonly T[], count: number): T[];
  /** Exponentially distributed, with the given mean (time between independent events). */
  exponential(mean: number): number;
  /** Uniform 32-bit unsigned integer. */
  uint32(): number;
  /** 16 random bytes (four `uint32` draws, big-endian). */
  bytes16(): Uint8Array;
}

export function createRandom(seed: number): Random {
  let a = 0x9e3779b9 ^ seed;
  let b = 0x243f6a88 ^ Math.imul(seed, 0x85ebca6b);
  let c = 0xb7e15162;
  let d = 1;
  const next32 = () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) next32(); // warm up: early outputs of a fresh state are correlated with the seed
  const random: Random = {
    next: () => next32() / 4294967296,
    uint32: next32,
    int: (min, max) => min + Math.floor(random.next() * (max - min + 1)),
    chance: (probability) => random.next() < probability,
    pick: (items) => items[Math.floor(random.next() * items.length)]!,
    sample: (items, count) => {
      const pool = [...items];
      for (let i = 0; i < Math.min(count, pool.length); i++) {
        const j = i + Math.floor(random.next() * (pool.length - i));
        [pool[i], pool[j]] = [pool[j]!, pool[i]!];
      }
      return pool.slice(0, count);
    },
    exponential: (mean) => -Math.log(1 - random.next()) * mean,
    bytes16: () => {
      const bytes = new Uint8Array(16);
      const view = new DataView(bytes.buffer);
      for (let i = 0; i < 16; i += 4) view.setUint32(i, next32());
      return bytes;
    },
  };
  return random;
}

/**
 * A UUIDv7 (time-ordered) for a timestamp, with the random bits from the seeded generator: 48 bits of milliseconds,
 * then the version, the variant and the rest of `bytes16()`'s draws, formatted without allocating bytes (the
 * scenario makes millions of ids).
 */
export function uuidV7(timestampMs: number, random: Random): string {
  random.uint32(); // its bytes are covered by the timestamp, but drawn so that a seed keeps giving the same ids
  const w1 = random.uint32();
  const w2 = random.uint32();
  const w3 = random.uint32();
  const high = Math.floor(timestampMs / 2 ** 32) & 0xffff;
  const low = timestampMs >>> 0;
  return (
    hex(high >>> 8) + hex(high & 0xff) + hex(low >>> 24) + hex((low >>> 16) & 0xff) + '-' +
    hex((low >>> 8) & 0xff) + hex(low & 0xff) + '-' +
    hex(((w1 >>> 8) & 0x0f) | 0x70) + hex(w1 & 0xff) + '-' +
    hex(((w2 >>> 24) & 0x3f) | 0x80) + hex((w2 >>> 16) & 0xff) + '-' +
    hex((w2 >>> 8) & 0xff) + hex(w2 & 0xff) + hex(w3 >>> 24) + hex((w3 >>> 16) & 0xff) + hex((w3 >>> 8) & 0xff) + hex(w3 & 0xff)
  );
}

const hex = (byte: number): string => hexByte[byte] as string;

const hexByte = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
