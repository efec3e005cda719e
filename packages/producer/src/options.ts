// Options: every default resolved in one place, every number checked against the Firehose limits.
import type { FirehoseClient } from '@aws-sdk/client-firehose';
import { firehoseLimits, producerDefaults } from './constants.js';
import { ProducerError, producerErrorCodes } from './errors.js';
import type { FailedEvent, ProducerOptions } from './types.js';

export interface ResolvedOptions<C> {
  firehose: FirehoseClient;
  packing: boolean;
  maxRecordBytes: number;
  maxBatchRecords: number;
  maxBatchBytes: number;
  lingerMs: number;
  maxConcurrency: number;
  maxBufferedBytes: number;
  requestTimeoutMs: number;
  retry: { maxAttempts: number; maxElapsedMs: number; baseDelayMs: number; maxDelayMs: number };
  onFailure: ((failures: readonly FailedEvent<C>[]) => void | Promise<void>) | undefined;
}

type Range = readonly [min: number, max: number];

const ranges = {
  maxRecordBytes: [1, firehoseLimits.maxRecordBytes],
  maxBatchRecords: [1, firehoseLimits.maxBatchRecords],
  maxBatchBytes: [1, firehoseLimits.maxBatchBytes],
  lingerMs: [0, 2_147_483_647],
  maxConcurrency: [1, 1_000],
  maxBufferedBytes: [1, Number.MAX_SAFE_INTEGER],
  requestTimeoutMs: [1, 2_147_483_647],
  'retry.maxAttempts': [1, 1_000],
  'retry.maxElapsedMs': [0, Number.MAX_SAFE_INTEGER],
  'retry.baseDelayMs': [0, 2_147_483_647],
  'retry.maxDelayMs': [0, 2_147_483_647],
} as const satisfies Record<string, Range>;

/** Applies the defaults and checks the ranges; throws `INVALID_OPTIONS` naming every bad option. */
export function resolveOptions<C>(options: ProducerOptions<C>): ResolvedOptions<C> {
  const problems: string[] = [];
  const pick = (name: keyof typeof ranges, value: number | undefined, fallback: number): number => {
    const [min, max] = ranges[name];
    if (value === undefined) return fallback;
    if (!Number.isInteger(value) || value < min || value > max) problems.push(`${name} must be an integer from ${min} to ${max} (got ${String(value)})`);
    return value;
  };
  if (typeof options.firehose?.send !== 'function') problems.push('firehose must be a FirehoseClient');
  if (options.onFailure !== undefined && typeof options.onFailure !== 'function') problems.push('onFailure must be a function');
  const d = producerDefaults;
  const retry = options.retry ?? {};
  const resolved: ResolvedOptions<C> = {
    firehose: options.firehose,
    packing: options.packing ?? d.packing,
    maxRecordBytes: pick('maxRecordBytes', options.maxRecordBytes, d.maxRecordBytes),
    maxBatchRecords: pick('maxBatchRecords', options.maxBatchRecords, d.maxBatchRecords),
    maxBatchBytes: pick('maxBatchBytes', options.maxBatchBytes, d.maxBatchBytes),
    lingerMs: pick('lingerMs', options.lingerMs, d.lingerMs),
    maxConcurrency: pick('maxConcurrency', options.maxConcurrency, d.maxConcurrency),
    maxBufferedBytes: pick('maxBufferedBytes', options.maxBufferedBytes, d.maxBufferedBytes),
    requestTimeoutMs: pick('requestTimeoutMs', options.requestTimeoutMs, d.requestTimeoutMs),
    retry: {
      maxAttempts: pick('retry.maxAttempts', retry.maxAttempts, d.retry.maxAttempts),
      maxElapsedMs: pick('retry.maxElapsedMs', retry.maxElapsedMs, d.retry.maxElapsedMs),
      baseDelayMs: pick('retry.baseDelayMs', retry.baseDelayMs, d.retry.baseDelayMs),
      maxDelayMs: pick('retry.maxDelayMs', retry.maxDelayMs, d.retry.maxDelayMs),
    },
    onFailure: options.onFailure,
  };
  if (problems.length > 0) {
    throw new ProducerError(producerErrorCodes.invalidOptions, `Invalid producer options: ${problems.join('; ')}.`);
  }
  return resolved;
}
