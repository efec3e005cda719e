// Firehose's documented limits and wire constants (see ../shared/ref/aws-contracts.md §1-§3), in one place.

/**
 * The limits the emulator enforces, as Firehose documents them.
 *
 * @example
 * const fits = records.length <= firehoseLimits.maxRecordsPerBatch;
 */
export const firehoseLimits = {
  /** PutRecordBatch takes 1 to 500 records. */
  maxRecordsPerBatch: 500,
  /** A record is at most 1,000 KiB before base64 encoding. */
  maxRecordBytes: 1_024_000,
  /** A PutRecordBatch call carries at most 4 MiB of record data. */
  maxBatchBytes: 4 * 1024 * 1024,
  /** Delivery stream names: 1 to 64 characters of `[a-zA-Z0-9_.-]`. */
  maxStreamNameLength: 64,
  /** ListDeliveryStreams and DescribeDeliveryStream accept a `Limit` of 1 to 10,000. */
  maxListLimit: 10_000,
  /** A synchronous Lambda invocation request is at most 6,291,456 bytes. */
  maxTransformationRequestBytes: 6_291_456,
  /** A synchronous Lambda invocation response is at most 6,291,556 bytes (Lambda's own figure). */
  maxTransformationResponseBytes: 6_291_556,
} as const;

/** Delivery stream names, as the Firehose API model constrains them. */
export const streamNamePattern = /^[a-zA-Z0-9_.-]+$/;

/** The `X-Amz-Target` prefix of every Firehose operation (AWS JSON 1.1). */
export const targetPrefix = 'Firehose_20150804';

/** The content type of AWS JSON 1.1 requests and answers. */
export const awsJsonContentType = 'application/x-amz-json-1.1';

/** The stream version in object keys and DescribeDeliveryStream: the emulated configuration never changes. */
export const streamVersion = 1;

/** The id of each stream's only destination. */
export const destinationId = 'destinationId-000000000001';

/** The path prefix of the emulator's own endpoints, next to the Firehose API on `POST /`. */
export const controlPathPrefix = '/_factline/';

/** One MiB, the unit of Firehose's `SizeInMBs` and `BufferSizeInMBs` hints. */
export const mebibyte = 1024 * 1024;
