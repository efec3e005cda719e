// The Firehose transformation limits the transformer honours (ref/aws-contracts.md §2) and its defaults.

/**
 * The limits of the Firehose data-transformation contract that the transformer guards.
 *
 * @example
 * import { firehoseTransformLimits } from '@factline/transformer';
 * createHandler({ transformer, maxResponseBytes: firehoseTransformLimits.maxResponseBytes });
 */
export const firehoseTransformLimits = {
  /**
   * The largest response the handler returns, in bytes of JSON. AWS says "6 MB" for a synchronous Lambda response;
   * this is the smaller reading of that (6,000,000 rather than 6 MiB), so the guard holds under either.
   */
  maxResponseBytes: 6_000_000,
  /** The absolute ceiling of `maxResponseBytes`: 6 MiB, the larger reading of "6 MB". */
  hardMaxResponseBytes: 6 * 1024 * 1024,
} as const;

/**
 * The rule ids a `ProcessingFailed` reason can carry besides the JSON Schema keywords (`required`, `type`, `format`,
 * …) that the envelope, payload and fact validators report.
 *
 * @example
 * if (issue.rule === failureRules.unknownEvent) console.log('deploy the new schema version, then replay');
 */
export const failureRules = {
  /** The record's `data` is not valid base64 (RFC 4648 §4, padded). */
  base64: 'base64',
  /** The decoded bytes are not valid UTF-8. */
  utf8: 'utf8',
  /** An event line is not JSON. */
  json: 'json',
  /** The record has no usable `approximateArrivalTimestamp`, so `recorded_at` cannot be set. */
  arrivalTimestamp: 'arrival-timestamp',
  /** No schema for this event type, or for this version of it. */
  unknownEvent: 'unknown-event',
  /** The event belongs to an entity other than the one the delivery stream carries. */
  entityMismatch: 'entity-mismatch',
  /** The entity id the mapping points at is absent, empty, or not a string or integer. */
  entityId: 'entity-id',
  /** `occurred_at` cannot be read as an RFC 3339 timestamp between years 0000 and 9999. */
  occurredAt: 'occurred-at',
  /** A typed mapper returned a fact its event's mapping does not declare. */
  undeclaredFact: 'undeclared-fact',
  /** A typed mapper returned the same fact twice for one event. */
  duplicateFact: 'duplicate-fact',
  /** A typed mapper returned a value JSON cannot carry (undefined, NaN, a function, a cycle, …). */
  notJson: 'not-json',
  /** A typed mapper threw, or returned something other than a mapper result. */
  mapperError: 'mapper-error',
  /** The record's facts did not fit in the 6 MB response with the rest of the batch; replay it. */
  responseSize: 'response-size',
  /** The transformer itself failed on this record (a bug); the record is kept for replay. */
  internalError: 'internal-error',
  /** Stands for the issues left out once a record has `maxIssuesPerRecord`. */
  moreIssues: 'more-issues',
} as const;

/** One of the rule ids in `failureRules`. */
export type FailureRule = (typeof failureRules)[keyof typeof failureRules];

/**
 * The defaults of every option, resolved in one place (`resolveTransformerOptions`, `resolveHandlerOptions`).
 *
 * @example
 * import { transformerDefaults } from '@factline/transformer';
 * createTransformer({ domain, maxIssuesPerRecord: transformerDefaults.maxIssuesPerRecord * 2 });
 */
export const transformerDefaults = {
  /** Re-validate the facts of declared mappings (typed mappers' facts are always validated). */
  validateDeclaredFacts: true,
  /** Issues kept per failed record; the rest are counted (and found again with `inspectFailedRecord`). */
  maxIssuesPerRecord: 100,
  /** The response budget. */
  maxResponseBytes: firehoseTransformLimits.maxResponseBytes,
  /** How many failures the per-batch log line quotes in full. */
  logSamples: 10,
  /** The Powertools service name of the default logger. */
  serviceName: 'factline-transformer',
} as const;
