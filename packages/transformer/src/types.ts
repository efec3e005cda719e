// The public shapes: the Firehose transformation event and response (ref/aws-contracts.md §2), and what the
// transformer answers for one record.

/** The three results Firehose accepts for a transformed record. */
export type FirehoseResult = 'Ok' | 'Dropped' | 'ProcessingFailed';

/**
 * One record of a Firehose transformation event. Timestamps are read leniently: epoch milliseconds (number or
 * numeric string), epoch seconds (below 1e11), or an ISO 8601 string.
 */
export interface FirehoseInputRecord {
  recordId: string;
  approximateArrivalTimestamp?: number | string;
  /** Base64 of the record bytes: one event envelope, or several newline-delimited ones. */
  data: string;
  /** Only when the source is a Kinesis data stream. */
  kinesisRecordMetadata?: {
    shardId?: string;
    partitionKey?: string;
    approximateArrivalTimestamp?: number | string;
    sequenceNumber?: string;
    subsequenceNumber?: number | string;
  };
}

/** What Firehose sends the transformation Lambda. */
export interface FirehoseTransformationEvent {
  invocationId?: string;
  deliveryStreamArn?: string;
  sourceKinesisStreamArn?: string;
  region?: string;
  records: FirehoseInputRecord[];
}

/** One answered record: the same `recordId`, a result, and base64 data. */
export interface FirehoseOutputRecord {
  recordId: string;
  result: FirehoseResult;
  data: string;
}

/** What the transformation Lambda returns. */
export interface FirehoseTransformationResponse {
  records: FirehoseOutputRecord[];
}

/**
 * Why an event (or a whole record) could not be transformed. `pointer` is an RFC 6901 JSON Pointer into the event
 * envelope (`/payload/guests`), or into the fact value when `fact` is set (a typed mapper's output).
 */
export interface TransformIssue {
  /** The event's position among the record's events (0-based); absent for record-level issues (base64, utf8, …). */
  index?: number;
  /** The event id, when the envelope got far enough to have one. */
  eventId?: string;
  /** `<fact type>@<version>`, when the issue is about a fact value. */
  fact?: string;
  pointer: string;
  /** A JSON Schema keyword (`required`, `maxLength`, …) or one of `failureRules`. */
  rule: string;
  message: string;
}

/**
 * The answer for some events: their fact lines, or why they fail. `ok` is true only when every event was valid.
 */
export interface EventsOutcome {
  ok: boolean;
  /** The fact lines (NDJSON, every line `\n`-terminated); empty when `ok` is false. */
  facts: string;
  /** Events found (non-blank lines). */
  events: number;
  /** Facts written. */
  factCount: number;
  /** Events that failed. */
  failedEvents: number;
  /** At most `maxIssuesPerRecord` issues, the last one a `more-issues` summary when some were left out. */
  issues: TransformIssue[];
  /** Every issue counted by rule, including those left out of `issues`. */
  issueCounts: Record<string, number>;
}

/**
 * The answer for one Firehose record: the result and the base64 `data` to return, which carries the fact lines (Ok),
 * nothing (Dropped), or the original record (ProcessingFailed, so Firehose's error output keeps it for replay).
 */
export interface RecordOutcome extends Omit<EventsOutcome, 'ok' | 'facts'> {
  result: FirehoseResult;
  data: string;
  /** Decoded size of `data`. */
  outputBytes: number;
  /** Decoded size of the record. */
  inputBytes: number;
}
