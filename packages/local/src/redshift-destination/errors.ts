// Errors of the Redshift destination: options that cannot work, and a failed load (which the local Firehose retries).
import type { RedshiftDeliveryErrorCode } from './error-codes.js';
import type { LoadError } from '@factline/warehouse';

/**
 * The stable codes of `RedshiftDestinationError`.
 *
 * @example
 * if (error instanceof RedshiftDestinationError && error.code === RedshiftDestinationErrorCode.LoadFailed) console.error(error.deliveryErrorCode);
 */
export const RedshiftDestinationErrorCode = {
  /** An option cannot work (a schema name that is not a plain identifier, an object store of another bucket). */
  InvalidOptions: 'INVALID_OPTIONS',
  /** Loading one facts object failed; it was recorded and the local Firehose retries it later. */
  LoadFailed: 'LOAD_FAILED',
} as const;

export type RedshiftDestinationErrorCode = (typeof RedshiftDestinationErrorCode)[keyof typeof RedshiftDestinationErrorCode];

/**
 * A failure of the Redshift destination. For a failed load: Firehose's error code, the object, the attempt number and
 * the load error (line, column, value) when the data was at fault.
 *
 * @example
 * try { await destination.load(delivery); }
 * catch (error) { if (error instanceof RedshiftDestinationError) console.error(error.deliveryErrorCode, error.key, error.attempt); }
 */
export class RedshiftDestinationError extends Error {
  readonly code: RedshiftDestinationErrorCode;
  /** Firehose's error code (`Redshift.DataLoadFailed`, …), for a failed load. */
  readonly deliveryErrorCode: RedshiftDeliveryErrorCode | undefined;
  /** The facts object that failed to load. */
  readonly key: string | undefined;
  /** Which attempt at that object this was (1 for the first). */
  readonly attempt: number | undefined;
  readonly loadError: LoadError | undefined;

  constructor(
    code: RedshiftDestinationErrorCode,
    message: string,
    context: { deliveryErrorCode?: RedshiftDeliveryErrorCode; key?: string; attempt?: number; loadError?: LoadError; cause?: unknown } = {},
  ) {
    super(message, context.cause === undefined ? undefined : { cause: context.cause });
    this.name = 'RedshiftDestinationError';
    this.code = code;
    this.deliveryErrorCode = context.deliveryErrorCode;
    this.key = context.key;
    this.attempt = context.attempt;
    this.loadError = context.loadError;
  }
}
