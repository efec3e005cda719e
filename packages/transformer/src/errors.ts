// Errors of the transformer. Bad data never throws (it becomes a record's ProcessingFailed); these are for a wrong
// set-up and for a batch the handler cannot answer at all. Each carries a stable `code` and what a person needs.

/**
 * The stable codes of `TransformerError`.
 *
 * @example
 * if (error instanceof TransformerError && error.code === TransformerErrorCode.InvalidDomain) console.error(error.message);
 */
export const TransformerErrorCode = {
  /** An option is out of range or of the wrong type. */
  InvalidOptions: 'INVALID_OPTIONS',
  /** The runtime domain is malformed (a missing validator, a bad pointer, a fact the mapping names but the domain lacks). */
  InvalidDomain: 'INVALID_DOMAIN',
  /** The Lambda input is not a Firehose transformation event (no `records` array, a record without a `recordId`). */
  InvalidFirehoseEvent: 'INVALID_FIREHOSE_EVENT',
  /** Even with every record answered as ProcessingFailed the response would exceed `maxResponseBytes`. */
  ResponseTooLarge: 'RESPONSE_TOO_LARGE',
} as const;

export type TransformerErrorCode = (typeof TransformerErrorCode)[keyof typeof TransformerErrorCode];

/**
 * What went wrong and where.
 *
 * @example
 * throw new TransformerError(TransformerErrorCode.InvalidDomain, 'no validator', { key: 'booking.requested@1' });
 */
export interface TransformerErrorContext {
  /** The domain key (`<type>@<version>`) or option name concerned. */
  key?: string;
  /** The JSON Pointer concerned (into the domain entry, the option, or the Lambda event). */
  pointer?: string;
  /** The Firehose record concerned. */
  recordId?: string;
  cause?: unknown;
}

/**
 * Any failure of the transformer that is not about one record's data.
 *
 * @example
 * try {
 *   createTransformer({ domain });
 * } catch (error) {
 *   if (error instanceof TransformerError) console.error(error.code, error.key, error.message);
 *   throw error;
 * }
 */
export class TransformerError extends Error {
  readonly code: TransformerErrorCode;
  readonly key: string | undefined;
  readonly pointer: string | undefined;
  readonly recordId: string | undefined;

  constructor(code: TransformerErrorCode, message: string, context: TransformerErrorContext = {}) {
    super(message, context.cause === undefined ? undefined : { cause: context.cause });
    this.name = 'TransformerError';
    this.code = code;
    this.key = context.key;
    this.pointer = context.pointer;
    this.recordId = context.recordId;
  }
}
