// Amazon Data Firehose limits (see ref/aws-contracts.md §1.1 and §7) and the producer's defaults.

/**
 * The Firehose limits the producer enforces: record size, PutRecordBatch size, the billing unit and the
 * stream-name pattern, exactly as the Firehose API model and pricing page state them.
 *
 * @example
 * import { firehoseLimits } from '@factline/producer';
 * const units = Math.ceil(recordBytes / firehoseLimits.billingUnitBytes);
 */
export const firehoseLimits = {
  /** Largest record `Data`, in bytes before base64 (1,000 KiB). */
  maxRecordBytes: 1_024_000,
  /** Most records in one PutRecordBatch call. */
  maxBatchRecords: 500,
  /** Most bytes (sum of the decoded `Data` of the records) in one PutRecordBatch call: 4 MiB. */
  maxBatchBytes: 4 * 1024 * 1024,
  /** Firehose bills every record rounded up to this many bytes (5 KB). */
  billingUnitBytes: 5_120,
  /** A delivery stream name. */
  streamNamePattern: /^[a-zA-Z0-9_.-]{1,64}$/,
} as const;

/**
 * The largest event `send` accepts, in bytes of UTF-8: one byte under the record limit, because every record the
 * producer writes ends with the `\n` that terminates its last event.
 *
 * @example
 * import { maxEventBytes } from '@factline/producer';
 * if (Buffer.byteLength(line) > maxEventBytes) archiveElsewhere(line);
 */
export const maxEventBytes = firehoseLimits.maxRecordBytes - 1;

/**
 * The default of every option of `createProducer` (applied in one place, `resolveOptions`).
 *
 * @example
 * import { producerDefaults } from '@factline/producer';
 * const budget = producerDefaults.maxRecordBytes; // 5,120: one billing unit
 */
export const producerDefaults = {
  packing: true,
  maxRecordBytes: firehoseLimits.billingUnitBytes,
  maxBatchRecords: firehoseLimits.maxBatchRecords,
  maxBatchBytes: firehoseLimits.maxBatchBytes,
  lingerMs: 1_000,
  maxConcurrency: 4,
  maxBufferedBytes: 16 * 1024 * 1024,
  requestTimeoutMs: 10_000,
  retry: {
    maxAttempts: 10,
    maxElapsedMs: 30_000,
    baseDelayMs: 100,
    maxDelayMs: 5_000,
  },
} as const;
