// Record ids: 56 decimal digits like Firehose's, unique across restarts (time, a random instance number, a counter).
import { randomInt } from 'node:crypto';

export function recordIdGenerator(now: () => number): () => string {
  const instance = String(randomInt(0, 10_000_000_000)).padStart(10, '0');
  let counter = 0n;
  return () => {
    counter += 1n;
    return `${String(Math.floor(now()) % 10 ** 13).padStart(13, '0')}${instance}${counter.toString().padStart(33, '0')}`;
  };
}
