// The Firehose data-transformation contract (aws-contracts §2), the shapes that `@types/aws-lambda` also describes as
// FirehoseTransformationEvent / FirehoseTransformationResult, defined here so that users need no extra package.

/**
 * One record as Firehose hands it to the transformation.
 *
 * @example
 * const bytes = Buffer.from(record.data, 'base64');
 */
export interface FirehoseTransformationEventRecord {
  /** Unique within the invocation; the answer must return it exactly once. */
  recordId: string;
  /** When Firehose received the record, in epoch milliseconds. */
  approximateArrivalTimestamp: number;
  /** The record's bytes, base64-encoded. */
  data: string;
}

/**
 * What Firehose sends to the transformation Lambda (synchronous invoke), for a Direct PUT stream.
 *
 * @example
 * const event: FirehoseTransformationEvent = {
 *   invocationId: '5c9e4f0a-…', deliveryStreamArn: 'arn:aws:firehose:us-east-1:000000000000:deliverystream/factline-booking',
 *   region: 'us-east-1', records: [{ recordId: '1', approximateArrivalTimestamp: 1777629600000, data: 'eyJhIjoxfQ==' }],
 * };
 */
export interface FirehoseTransformationEvent {
  invocationId: string;
  deliveryStreamArn: string;
  region: string;
  records: FirehoseTransformationEventRecord[];
}

/**
 * The outcome of one record: `Ok` (delivered), `Dropped` (intentionally not delivered) or `ProcessingFailed`
 * (written to the processing-failed output).
 *
 * @example
 * const result: FirehoseRecordTransformationStatus = 'Ok';
 */
export type FirehoseRecordTransformationStatus = 'Ok' | 'Dropped' | 'ProcessingFailed';

/**
 * One record of the transformation's answer.
 *
 * @example
 * const answer: FirehoseTransformationResultRecord = { recordId, result: 'Ok', data: Buffer.from('{"fact_id":"…"}\n').toString('base64') };
 */
export interface FirehoseTransformationResultRecord {
  recordId: string;
  result: FirehoseRecordTransformationStatus;
  /** The transformed bytes, base64-encoded; required for `Ok`. Firehose adds no delimiter between records. */
  data?: string;
  /** Dynamic partitioning keys; accepted and ignored (the Redshift destination does not partition). */
  metadata?: { partitionKeys: Record<string, string> };
}

/**
 * The transformation's answer: every input record id exactly once.
 *
 * @example
 * const answer: FirehoseTransformationResult = { records: event.records.map(({ recordId, data }) => ({ recordId, result: 'Ok', data })) };
 */
export interface FirehoseTransformationResult {
  records: FirehoseTransformationResultRecord[];
}

/**
 * The transformation handler, invoked in-process with the real event shape. The emulator checks its answer as
 * Firehose does, so a handler that breaks the contract produces Firehose's error records, not an exception.
 *
 * @example
 * const uppercase: FirehoseTransform = async (event) => ({
 *   records: event.records.map((record) => ({
 *     recordId: record.recordId,
 *     result: 'Ok',
 *     data: Buffer.from(Buffer.from(record.data, 'base64').toString('utf8').toUpperCase()).toString('base64'),
 *   })),
 * });
 */
export type FirehoseTransform = (event: FirehoseTransformationEvent) => Promise<FirehoseTransformationResult>;
