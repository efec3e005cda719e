// Errors with a stable `code`, a `cause`, and the context a person needs to act on them.
import type { FailedEvent } from './types.js';

/**
 * The stable codes of every error the producer creates.
 *
 * @example
 * import { producerErrorCodes } from '@factline/producer';
 * if (error.code === producerErrorCodes.eventTooLarge) archiveElsewhere(line);
 */
export const producerErrorCodes = {
  /** `send`: the event is over `maxEventBytes`. */
  eventTooLarge: 'EVENT_TOO_LARGE',
  /** `send`: the event data is empty, contains a newline, or is neither a string nor bytes (not one line of JSON). */
  invalidEventData: 'INVALID_EVENT_DATA',
  /** `send`: the stream name does not match `^[a-zA-Z0-9_.-]{1,64}$`. */
  invalidStreamName: 'INVALID_STREAM_NAME',
  /** `send` after `close()`. */
  closed: 'PRODUCER_CLOSED',
  /** `createProducer`: an option is out of range. */
  invalidOptions: 'INVALID_OPTIONS',
  /** `flush()`/`close()`: some events were not delivered; see `DeliveryError.failures`. */
  deliveryFailed: 'DELIVERY_FAILED',
  /** A record refused inside a 200 answer (`ErrorCode` in `RequestResponses`). */
  recordFailed: 'RECORD_FAILED',
  /** A call got no answer within `requestTimeoutMs`. */
  requestTimeout: 'REQUEST_TIMEOUT',
  /** An answer whose `RequestResponses` cannot be matched to the records sent. */
  malformedResponse: 'MALFORMED_RESPONSE',
  /** A record still waiting for a call slot when its time budget (`retry.maxElapsedMs`) ran out. */
  timeBudgetExhausted: 'TIME_BUDGET_EXHAUSTED',
} as const;

/**
 * One of {@link producerErrorCodes}.
 *
 * @example
 * const code: ProducerErrorCode = 'EVENT_TOO_LARGE';
 */
export type ProducerErrorCode = (typeof producerErrorCodes)[keyof typeof producerErrorCodes];

/**
 * Every error the producer creates. `code` is stable; `streamName` names the stream involved, if any.
 *
 * @example
 * try { await producer.send('bad name!', line); }
 * catch (error) { if (error instanceof ProducerError) console.error(error.code, error.streamName); }
 */
export class ProducerError extends Error {
  readonly code: ProducerErrorCode;
  readonly streamName: string | undefined;

  constructor(code: ProducerErrorCode, message: string, options: { cause?: unknown; streamName?: string } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ProducerError';
    this.code = code;
    this.streamName = options.streamName;
  }
}

/**
 * A record that Firehose refused inside a successful PutRecordBatch answer; `errorCode` is Firehose's
 * (`ServiceUnavailableException` when throttled, or `InternalFailure`).
 *
 * @example
 * if (failure.error instanceof RecordFailedError) console.warn(failure.error.errorCode, failure.error.errorMessage);
 */
export class RecordFailedError extends ProducerError {
  constructor(
    streamName: string,
    readonly errorCode: string,
    readonly errorMessage: string,
  ) {
    super(producerErrorCodes.recordFailed, `Firehose refused a record for stream "${streamName}": ${errorCode}: ${errorMessage}`, { streamName });
    this.name = 'RecordFailedError';
  }
}

/**
 * What `flush()` and `close()` reject with when events were not delivered: `failures` holds every one of them,
 * with its data and context, so the service can persist them.
 *
 * @example
 * try { await producer.close(); }
 * catch (error) { if (error instanceof DeliveryError) await saveForReplay(error.failures); }
 */
export class DeliveryError<C = unknown> extends ProducerError {
  constructor(readonly failures: readonly FailedEvent<C>[]) {
    super(producerErrorCodes.deliveryFailed, describe(failures), { cause: failures[0]?.error });
    this.name = 'DeliveryError';
  }
}

function describe(failures: readonly FailedEvent[]): string {
  const byStream = new Map<string, { count: number; error: Error }>();
  for (const failure of failures) {
    const entry = byStream.get(failure.streamName);
    if (entry) entry.count += 1;
    else byStream.set(failure.streamName, { count: 1, error: failure.error });
  }
  const parts = [...byStream].map(([stream, { count, error }]) => `${count} to "${stream}" (last error: ${error.name}: ${error.message})`);
  return `${failures.length} event(s) could not be delivered to Firehose: ${parts.join('; ')}. They are in \`failures\`, with their data and context.`;
}
