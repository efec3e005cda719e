// mulberry32: a seeded generator, so property tests feed the same strings on every run.

/**
 * Numbers in [0, 1) from `seed`, the same sequence every time.
 *
 * @example
 * const next = seededRandom(7);
 * next(); // always the same first number for seed 7
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    let t = (state = (state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
